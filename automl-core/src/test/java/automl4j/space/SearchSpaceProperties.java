package automl4j.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SearchSpaceProperties {
    /** A random space of 1..6 parameters of every kind, built from a seed. */
    static SearchSpace randomSpace(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(6);
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    int lo = r.nextInt(-50, 50);
                    params.add(new IntParam("p" + i, lo, lo + r.nextInt(0, 100), false));
                }
                case 1 -> {
                    int lo = r.nextInt(1, 50);
                    params.add(new IntParam("p" + i, lo, lo + r.nextInt(0, 5000), true));
                }
                case 2 -> {
                    double lo = r.nextDouble(-10, 10);
                    params.add(new DoubleParam("p" + i, lo, lo + r.nextDouble(0, 20), false));
                }
                case 3 -> {
                    double lo = Math.exp(r.nextDouble(-10, 2));
                    params.add(new DoubleParam("p" + i, lo, lo * Math.exp(r.nextDouble(0, 12)), true));
                }
                default -> {
                    List<String> options = new ArrayList<>();
                    for (int k = 0; k <= r.nextInt(6); k++) {
                        options.add("o" + k);
                    }
                    params.add(new ChoiceParam("p" + i, options));
                }
            }
        }
        return new SearchSpace(params);
    }

    private static Gen<Long> seeds() {
        return longs().all();
    }

    @Test
    void samplesStayInsideTheSpace() {
        qt().withExamples(300).forAll(seeds(), seeds()).checkAssert((spaceSeed, sampleSeed) -> {
            SearchSpace space = randomSpace(spaceSeed);
            assertThat(space.contains(space.sample(new SplittableRandom(sampleSeed)))).isTrue();
        });
    }

    @Test
    void unitCoordinatesRoundTrip() {
        qt().withExamples(300).forAll(seeds(), seeds()).checkAssert((spaceSeed, sampleSeed) -> {
            SearchSpace space = randomSpace(spaceSeed);
            Map<String, Object> values = space.sample(new SplittableRandom(sampleSeed));
            double[] u = space.toUnit(values);
            for (double x : u) {
                assertThat(x).isBetween(0.0, 1.0);
            }
            Map<String, Object> back = space.fromUnit(u);
            for (Param p : space.params()) {
                if (p instanceof DoubleParam d) {
                    assertThat((Double) back.get(p.name())).isCloseTo((Double) values.get(p.name()),
                            org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(d.high()))));
                } else {
                    assertThat(back.get(p.name())).isEqualTo(values.get(p.name()));
                }
            }
        });
    }

    @Test
    void anyPointOfTheCubeDecodesInsideTheSpace() {
        qt().withExamples(300).forAll(seeds(), integers().between(0, 1000)).checkAssert((spaceSeed, k) -> {
            SearchSpace space = randomSpace(spaceSeed);
            double[] u = new double[space.size()];
            SplittableRandom r = new SplittableRandom(k);
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextDouble(-0.5, 1.5);   // out-of-range coordinates are clamped
            }
            assertThat(space.contains(space.fromUnit(u))).isTrue();
        });
    }

    @Test
    void rejectsDuplicateNamesAndBadRanges() {
        assertThatThrownBy(() -> SearchSpace.of(new IntParam("a", 1, 2, false), new IntParam("a", 1, 2, false)))
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> new DoubleParam("eta", 0, 1, true)).hasMessageContaining("eta");
        assertThatThrownBy(() -> new DoubleParam("eta", Double.NaN, 1, false)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new IntParam("depth", 5, 2, false)).hasMessageContaining("low must be <= high");
    }

    @Test
    void jointSpaceHoldsOnlyTheChosenLearnersParameters() {
        SearchSpace a = SearchSpace.of(new IntParam("depth", 1, 10, false));
        SearchSpace b = SearchSpace.of(new DoubleParam("c", 0.1, 10, true));
        JointSpace joint = new JointSpace(new java.util.LinkedHashMap<>(Map.of("a", a)) {{
                put("b", b);
            }});
        qt().withExamples(200).forAll(seeds()).checkAssert(seed -> {
            Config c = joint.sample(new SplittableRandom(seed));
            assertThat(joint.contains(c)).isTrue();
            assertThat(c.values().keySet()).containsExactlyElementsOf(joint.space(c.learner()).names());
        });
        assertThat(joint.contains(Config.of("a", Map.of("depth", 3, "c", 1.0)))).isFalse();
    }
}
