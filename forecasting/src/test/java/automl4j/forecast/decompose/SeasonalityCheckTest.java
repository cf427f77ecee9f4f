package automl4j.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SeasonalityCheckTest {
    private static double[] seasonal(int n, int m) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 100 + 0.3 * t + (t % m == 0 ? 20 : 0) + ((t * 7919) % 13) / 13.0;
        }
        return x;
    }

    @Test
    void autocorrelationsUseTheBiasedEstimator() {
        double[] r = SeasonalityCheck.autocorrelations(new double[] {1, 2, 3, 4}, 2);
        // mean 2.5, deviations -1.5 -0.5 0.5 1.5, c0 = 5
        assertThat(r[0]).isEqualTo(1);
        assertThat(r[1]).isCloseTo((0.75 - 0.25 + 0.75) / 5, offset(1e-15));
        assertThat(r[2]).isCloseTo((-0.75 - 0.75) / 5, offset(1e-15));
    }

    @Test
    void findsAStrongSeasonAndNotAMissingOne() {
        assertThat(SeasonalityCheck.m4().isSeasonal(seasonal(48, 12), 12)).isTrue();
        assertThat(SeasonalityCheck.theta().isSeasonal(seasonal(48, 12), 12)).isTrue();
        double[] trend = new double[48];
        for (int t = 0; t < 48; t++) {
            trend[t] = ((t * 7919) % 13);
        }
        assertThat(SeasonalityCheck.m4().isSeasonal(trend, 12)).isFalse();
        assertThat(SeasonalityCheck.m4().isSeasonal(seasonal(48, 12), 1)).isFalse();
    }

    @Test
    void naive2TestsFromThreePeriodsThetaFromMoreThanTwo() {
        double[] x = seasonal(36, 12);
        assertThat(SeasonalityCheck.m4().isSeasonal(java.util.Arrays.copyOf(x, 35), 12)).isFalse();
        assertThat(SeasonalityCheck.theta().isSeasonal(java.util.Arrays.copyOf(x, 24), 12)).isFalse();
        assertThat(SeasonalityCheck.theta().isSeasonal(java.util.Arrays.copyOf(x, 25), 12)).isTrue();
    }
}
