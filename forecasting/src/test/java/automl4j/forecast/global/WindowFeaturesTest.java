package automl4j.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {
    private static double[] series(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + t + 10 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian();
        }
        return y;
    }

    @Test
    void theFeaturesNeverReadAValueAtOrAfterTheOrigin() {
        WindowFeatures f = WindowFeatures.forPeriod(12, true, TargetScale.LOG_RATIO, true);
        double[] y = series(60, 1);
        for (int origin = f.minLength(); origin <= y.length; origin++) {
            double[] cut = Arrays.copyOf(y, origin);
            double[] poisoned = y.clone();
            Arrays.fill(poisoned, origin, poisoned.length, Double.NaN);
            for (int step = 1; step <= 18; step++) {
                float[] a = new float[f.columns()];
                float[] b = new float[f.columns()];
                f.fill(cut, origin, step, f.level(cut, origin), a, 0);
                f.fill(poisoned, origin, step, f.level(poisoned, origin), b, 0);
                assertThat(b).as("origin %d step %d", origin, step).containsExactly(a);
                for (float v : b) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @Test
    void trainingRowsAreTheFeaturesAtEachOriginAndTheScaledValueAfterIt() {
        WindowFeatures f = WindowFeatures.forPeriod(1, true, TargetScale.RATIO, true);
        double[] y = {10, 11, 12, 13, 14, 15, 16, 17, 18};
        var rows = TrainingRows.build("test", List.of(y, y, y, y, y, y), f, 3, 1000, 1);
        // origins 6, 7, 8 give 3, 2 and 1 rows per series
        assertThat(rows.size()).isEqualTo(6 * 6);
        // the first row: origin 6 (values 10..15 seen), level 15 (the last value), step 1
        assertThat(rows.features().get(0, 0)).isEqualTo(1f);                     // lag 1
        assertThat(rows.features().get(0, 5)).isCloseTo(10f / 15, within(1e-6f)); // lag 6
        assertThat(rows.features().get(0, f.names().indexOf("slope_3"))).isCloseTo(1f / 15, within(1e-6f));
        assertThat(rows.features().get(0, f.names().indexOf("slope_6"))).isCloseTo(1f / 15, within(1e-6f));
        assertThat(rows.features().get(0, f.columns() - 1)).isEqualTo(1f);       // step
        assertThat(rows.labels().get(0)).isCloseTo(16.0 / 15, within(1e-12));
        assertThat(rows.features().get(2, f.columns() - 1)).isEqualTo(3f);
        assertThat(rows.labels().get(2)).isCloseTo(18.0 / 15, within(1e-12));
    }

    @Test
    void logRatioFeaturesAreTheLogsOfTheRatios() {
        WindowFeatures f = WindowFeatures.forPeriod(1, false, TargetScale.LOG_RATIO, true);
        double[] y = {10, 11, 12, 13, 14, 16, 20};
        var rows = TrainingRows.build("test", List.of(y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, y,
                y, y), f, 1, 1000, 1);
        double offset = TargetScale.OFFSET;
        assertThat(rows.features().get(0, 0)).isCloseTo((float) Math.log(1 + offset), within(1e-6f));
        assertThat(rows.features().get(0, 5)).isCloseTo((float) Math.log(10.0 / 16 + offset), within(1e-6f));
        assertThat(rows.labels().get(0)).isCloseTo(Math.log(20.0 / 16 + offset), within(1e-12));
        assertThat(TargetScale.LOG_RATIO.decode(TargetScale.LOG_RATIO.encode(5, 2), 2)).isCloseTo(5, within(1e-12));
        assertThat(TargetScale.LOG_RATIO.encode(-3, 2)).isEqualTo(Math.log(offset));
    }

    @Test
    void theLevelIsTheMeanOfTheLastSeasonAndNeverZero() {
        WindowFeatures f = WindowFeatures.forPeriod(4, false, TargetScale.RATIO, true);
        double[] y = {0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0};
        assertThat(f.level(y, 8)).isEqualTo(2.0);
        assertThat(f.level(y, 12)).isEqualTo(8.0 / 12);
        assertThat(f.level(new double[8], 8)).isEqualTo(1.0);
        assertThat(f.minLength()).isEqualTo(8);
        assertThat(f.names()).hasSize(f.columns()).contains("lag_8", "mean_4", "sd_8", "season_position");
    }
}
