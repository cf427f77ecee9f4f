package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowRungsProperties {
    @Test
    void rungsIncreaseByAtMostTheFactorAndEndAtAllRows() {
        qt().forAll(integers().between(1, 50_000_000)).checkAssert(rows -> {
            List<Integer> rungs = RowRungs.schedule(rows);
            assertThat(rungs.get(rungs.size() - 1)).isEqualTo(rows);
            for (int r = 1; r < rungs.size(); r++) {
                assertThat(rungs.get(r)).isGreaterThan(rungs.get(r - 1));
                // Every step is worth a rung: at least twice the rows, and at most FACTOR times (twice as many for the last).
                assertThat(rungs.get(r)).isGreaterThanOrEqualTo(2 * rungs.get(r - 1));
                assertThat((long) rungs.get(r)).isLessThan(2L * RowRungs.FACTOR * rungs.get(r - 1));
            }
            if (rungs.size() > 1) {
                assertThat(rungs.get(0)).isEqualTo(RowRungs.FIRST_ROWS);
            }
        });
    }

    @Test
    void smallTablesGetOneRung() {
        qt().forAll(integers().between(1, 2 * RowRungs.FIRST_ROWS - 1)).checkAssert(rows -> {
            assertThat(RowRungs.schedule(rows)).containsExactly(rows);
            assertThat(RowRungs.from(rows, List.of(new double[] {0.1}, new double[] {0.2}))).isEqualTo(RowRungs.NONE);
        });
        assertThat(RowRungs.schedule(2 * RowRungs.FIRST_ROWS)).containsExactly(RowRungs.FIRST_ROWS, 2 * RowRungs.FIRST_ROWS);
    }

    @Test
    void aTrialGoesOnOnlyIfAmongTheBestQuarterAtItsRung() {
        qt().forAll(lists().of(doubles().between(0, 1)).ofSizeBetween(1, 40), doubles().between(0, 1), integers().between(0, 1))
                .checkAssert((losses, loss, rung) -> {
                    List<double[]> visible = new ArrayList<>();
                    for (double l : losses) {
                        visible.add(rung == 0 ? new double[] {l} : new double[] {l + 1, l});
                    }
                    RowRungs rule = RowRungs.from(1_000_000, visible);
                    long better = losses.stream().filter(l -> l < loss).count();
                    boolean goesOn = !rule.stops(rung, loss);
                    if (goesOn) {
                        // Promoted: at most a quarter of the comparable trials (rounded up, plus ties) beat it.
                        assertThat((double) better).isLessThanOrEqualTo(Math.ceil(losses.size() * RowRungs.QUANTILE));
                    }
                    if (loss <= losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) {
                        assertThat(goesOn).as("the best so far always goes on").isTrue();
                    }
                });
    }

    @Test
    void withoutComparableTrialsATrialGoesOnUnlessAnEarlierOneIsPendingAndTheLastRungNeverStops() {
        RowRungs rule = RowRungs.from(1_000_000, List.of());
        assertThat(rule.rows()).containsExactly(10_000, 40_000, 160_000, 1_000_000);
        for (int r = 0; r < rule.count(); r++) {
            assertThat(rule.stops(r, 1e9)).isFalse();
        }
        RowRungs beside = RowRungs.from(1_000_000, List.of(), true);
        assertThat(beside.stops(0, -1e9)).as("with an earlier trial pending and nothing to compare with, the first rung stops").isTrue();
        RowRungs promoted = RowRungs.from(1_000_000, List.of(new double[] {0.5}), true);
        assertThat(promoted.stops(0, 0.4)).isFalse();
        assertThat(promoted.stops(1, 1e9)).as("nobody reached the second rung yet: go on").isFalse();
        RowRungs strict = RowRungs.from(1_000_000, List.of(new double[] {0.1, 0.1, 0.1, 0.1}));
        assertThat(strict.stops(0, 0.2)).isTrue();
        assertThat(strict.stops(3, 0.2)).isFalse();
        assertThat(strict.stops(0, Double.NaN)).as("a NaN loss is never among the best").isTrue();
    }

    @Test
    void rejectsRungsThatDoNotIncrease() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RowRungs(List.of(10, 10), new double[2]));
        assertThat(e).hasMessageContaining("increasing");
    }
}
