package automl4j.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The interval and p-value of {@link HeldOutImportance}, against values computed by hand (R's t.test gives the same). */
class HeldOutImportanceStatsTest {
    @Test
    void tIntervalAndOneSidedPValue() {
        // mean 0.02, sd 0.01, n 4: se 0.005, t 4, t(0.975, 3) = 3.182446, p = P(T3 > 4) = 0.014004
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("x",
                new double[] {0.02 - 0.01 * Math.sqrt(1.5), 0.02, 0.02, 0.02 + 0.01 * Math.sqrt(1.5)}, 4);
        assertThat(c.mean()).isCloseTo(0.02, within(1e-12));
        assertThat(c.std()).isCloseTo(0.01, within(1e-12));
        assertThat(c.lo()).isCloseTo(0.02 - 3.182446 * 0.005, within(1e-6));
        assertThat(c.hi()).isCloseTo(0.02 + 3.182446 * 0.005, within(1e-6));
        assertThat(c.pValue()).isCloseTo(0.014004, within(1e-5));
        assertThat(c.samples()).isEqualTo(4);
    }

    @Test
    void aColumnThatNeverChangesTheScoreHasPValueOne() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("unused", new double[] {0, 0, 0, 0, 0}, 5);
        assertThat(c.mean()).isZero();
        assertThat(c.pValue()).isEqualTo(1);
        assertThat(c.lo()).isZero();
        assertThat(c.hi()).isZero();
    }

    @Test
    void aNegativeMeanIsNotSignificant() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("hurts", new double[] {-0.01, -0.02, -0.015, -0.012}, 4);
        assertThat(c.pValue()).isGreaterThan(0.95);
        assertThat(c.hi()).isNegative();
    }

    @Test
    void aSingleWorseningHasNoInterval() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("one", new double[] {0.3}, 1);
        assertThat(c.mean()).isEqualTo(0.3);
        assertThat(c.lo()).isNaN();
        assertThat(c.pValue()).isNaN();
    }

    @Test
    void withThreeSplitsOrMoreTheSplitMeansAreTheUnit() {
        // Three splits of two repeats: split means 0.01, 0.03, 0.05 (mean 0.03, sd 0.02, se 0.011547); t(0.975, 2) = 4.302653.
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("x",
                new double[] {0.009, 0.011, 0.029, 0.031, 0.049, 0.051}, 2);
        assertThat(c.mean()).isCloseTo(0.03, within(1e-12));
        assertThat(c.hi() - c.mean()).isCloseTo(4.302653 * 0.02 / Math.sqrt(3), within(1e-6));
        // P(T2 > 2.598076) = 0.060845 (scipy.stats.t.sf)
        assertThat(c.pValue()).isCloseTo(0.060845, within(1e-6));
        assertThat(c.samples()).isEqualTo(6);
    }

    @Test
    void aRunWithoutSplitsMeasuresNothingAndSaysWhy() {
        HeldOutImportance.Result r = new HeldOutImportance().compute(HeldOutFits.NONE, java.util.List.of("a"), 1, Long.MAX_VALUE);
        assertThat(r.columns()).isEmpty();
        assertThat(r.note()).contains("fallback");
    }
}
