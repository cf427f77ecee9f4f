package automl4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class EnsembleSelectionProperties {
    /** Candidates predicting {@code truth} with noise of their own scale and bias. */
    static List<float[]> candidates(double[] truth, int count, SplittableRandom r) {
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            double noise = 0.1 + r.nextDouble() * 2;
            double bias = r.nextDouble() - 0.5;
            float[] p = new float[truth.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (truth[i] + bias + noise * r.nextGaussian());
            }
            out.add(p);
        }
        return out;
    }

    static ToDoubleFunction<double[]> squaredError(double[] truth) {
        return blend -> {
            double s = 0;
            for (int i = 0; i < truth.length; i++) {
                s += (blend[i] - truth[i]) * (blend[i] - truth[i]);
            }
            return s / truth.length;
        };
    }

    static double[] truth(int n, SplittableRandom r) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextGaussian() * 3;
        }
        return t;
    }

    @Test
    void neverWorseThanItsBestCandidateAndWeightsSumToOne() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 12), integers().between(1, 60))
                .checkAssert((seed, count, rounds) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] truth = truth(5 + r.nextInt(200), r);
                    List<float[]> candidates = candidates(truth, count, r);
                    ToDoubleFunction<double[]> loss = squaredError(truth);
                    EnsembleSelection.Result result = new EnsembleSelection(rounds).select(candidates, loss);
                    double bestSingle = candidates.stream().mapToDouble(c -> loss.applyAsDouble(toDouble(c))).min().orElseThrow();
                    assertThat(result.loss()).isLessThanOrEqualTo(bestSingle);
                    assertThat(Arrays.stream(result.weights()).sum()).isCloseTo(1.0, within(1e-12));
                    assertThat(Arrays.stream(result.weights()).allMatch(w -> w >= 0 && w <= 1)).isTrue();
                    double[] blend = new double[truth.length];
                    double[] w = result.weights();
                    for (int c = 0; c < w.length; c++) {
                        for (int i = 0; i < blend.length; i++) {
                            blend[i] += w[c] * candidates.get(c)[i];
                        }
                    }
                    assertThat(loss.applyAsDouble(blend)).isCloseTo(result.loss(), within(1e-9 * (1 + result.loss())));
                });
    }

    @Test
    void averagesIndependentErrorsAway() {
        SplittableRandom r = new SplittableRandom(3);
        double[] truth = truth(500, r);
        List<float[]> candidates = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            float[] p = new float[truth.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (truth[i] + r.nextGaussian());
            }
            candidates.add(p);
        }
        EnsembleSelection.Result result = new EnsembleSelection(40).select(candidates, squaredError(truth));
        // Four models with independent unit errors: their average has error variance about 1/4.
        assertThat(result.members()).hasSize(4);
        assertThat(result.loss()).isLessThan(0.35);
    }

    @Test
    void theFirstRoundPicksTheBestCandidateAndTiesGoToTheLowerIndex() {
        double[] truth = {1, 2, 3};
        List<float[]> candidates = List.of(new float[] {0, 0, 0}, new float[] {1, 2, 3}, new float[] {1, 2, 3});
        EnsembleSelection.Result result = new EnsembleSelection(1).select(candidates, squaredError(truth));
        assertThat(result.weights()).containsExactly(0, 1, 0);
        assertThat(result.loss()).isZero();
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
