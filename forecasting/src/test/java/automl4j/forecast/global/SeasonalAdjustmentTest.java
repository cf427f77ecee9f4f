package automl4j.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalAdjustmentTest {
    private static final double[] SHAPE = {0.8, 1.2, 1.1, 0.9};

    private static double[] seasonal(int n, double noise, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (100 + 2 * t) * SHAPE[t % 4] * (1 + noise * r.nextGaussian());
        }
        return y;
    }

    @Test
    void aSeasonalSeriesGetsItsIndicesBack() {
        double[] idx = SeasonalAdjustment.indices(seasonal(40, 0.01, 1), 4);
        for (int p = 0; p < 4; p++) {
            assertThat(idx[p]).isCloseTo(SHAPE[p], within(0.02));
        }
        double[] adjusted = SeasonalAdjustment.adjust(seasonal(40, 0, 1), idx);
        for (int t = 1; t < 40; t++) {
            assertThat(adjusted[t] / adjusted[t - 1]).isCloseTo(1.0, within(0.05));   // only the trend is left
        }
    }

    @Test
    void noSeasonNoAdjustment() {
        Random r = new Random(2);
        double[] noise = new double[40];
        for (int t = 0; t < 40; t++) {
            noise[t] = 100 + r.nextGaussian();
        }
        assertThat(SeasonalAdjustment.indices(noise, 4)).containsOnly(1.0);
        assertThat(SeasonalAdjustment.indices(seasonal(11, 0.01, 3), 4)).containsOnly(1.0);   // under three seasons
        double[] withNegative = seasonal(40, 0.01, 4);
        withNegative[5] = -1;
        assertThat(SeasonalAdjustment.indices(withNegative, 4)).containsOnly(1.0);            // multiplicative: not below 0
        assertThat(SeasonalAdjustment.indices(seasonal(40, 0.01, 5), 1)).containsExactly(1.0);
    }

    @Test
    void aSeasonPositionThatIsAlwaysZeroGetsTheSmallestIndex() {
        double[] closed = seasonal(40, 0.01, 6);
        for (int t = 2; t < 40; t += 4) {
            closed[t] = 0;
        }
        double[] idx = SeasonalAdjustment.indices(closed, 4);
        assertThat(idx[2]).isEqualTo(SeasonalAdjustment.MIN_INDEX);
        assertThat(idx[1]).isGreaterThan(idx[0]);
        double[] empty = seasonal(40, 0.01, 7);
        java.util.Arrays.fill(empty, 10, 14, 0);
        assertThat(SeasonalAdjustment.indices(empty, 4)).containsOnly(1.0);                  // a whole season of zeros
    }

    @Test
    void aDeseasonalizedModelForecastsTheSeasonBack() {
        java.util.List<double[]> train = java.util.stream.IntStream.range(0, 30).mapToObj(s -> seasonal(40, 0.02, 10 + s)).toList();
        var model = LearnedGlobalForecaster.linear().fit(train, 4, 4, 1, 1);
        assertThat(model.parameters()).containsEntry("deseasonalize", true);
        double[] full = seasonal(44, 0, 99);
        double[] f = model.forecast(java.util.Arrays.copyOf(full, 40), 4);
        for (int s = 0; s < 4; s++) {
            assertThat(f[s] / full[40 + s]).isCloseTo(1.0, within(0.05));
        }
    }
}
