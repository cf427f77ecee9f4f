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
                new double[] {0.02 - 0.01 * Math.sqrt(1.5), 0.02, 0.02, 0.02 + 0.01 * Math.sqrt(1.5)});
        assertThat(c.mean()).isCloseTo(0.02, within(1e-12));
        assertThat(c.std()).isCloseTo(0.01, within(1e-12));
        assertThat(c.lo()).isCloseTo(0.02 - 3.182446 * 0.005, within(1e-6));
        assertThat(c.hi()).isCloseTo(0.02 + 3.182446 * 0.005, within(1e-6));
        assertThat(c.pValue()).isCloseTo(0.014004, within(1e-5));
        assertThat(c.samples()).isEqualTo(4);
    }

    @Test
    void aColumnThatNeverChangesTheScoreHasPValueOne() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("unused", new double[] {0, 0, 0, 0, 0});
        assertThat(c.mean()).isZero();
        assertThat(c.pValue()).isEqualTo(1);
        assertThat(c.lo()).isZero();
        assertThat(c.hi()).isZero();
    }

    @Test
    void aNegativeMeanIsNotSignificant() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("hurts", new double[] {-0.01, -0.02, -0.015, -0.012});
        assertThat(c.pValue()).isGreaterThan(0.95);
        assertThat(c.hi()).isNegative();
    }

    @Test
    void aSingleWorseningHasNoInterval() {
        HeldOutImportance.ColumnImportance c = HeldOutImportance.summarize("one", new double[] {0.3});
        assertThat(c.mean()).isEqualTo(0.3);
        assertThat(c.lo()).isNaN();
        assertThat(c.pValue()).isNaN();
    }

    @Test
    void aRunWithoutSplitsMeasuresNothingAndSaysWhy() {
        HeldOutImportance.Result r = new HeldOutImportance().compute(HeldOutFits.NONE, java.util.List.of("a"), 1, Long.MAX_VALUE);
        assertThat(r.columns()).isEmpty();
        assertThat(r.note()).contains("fallback");
    }
}
