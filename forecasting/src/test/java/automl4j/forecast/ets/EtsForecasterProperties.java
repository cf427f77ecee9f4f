package automl4j.forecast.ets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.forecast.model.FittedForecaster;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class EtsForecasterProperties {
    /** A positive series with a random level, trend, season and noise; sometimes short, sometimes with a zero. */
    private static double[] series(SplittableRandom r, int m) {
        int n = 3 + r.nextInt(60);
        double level = 1 + r.nextDouble() * 1000;
        double trend = (r.nextDouble() - 0.3) * level / 50;
        double season = r.nextDouble() * level / 5;
        double noise = r.nextDouble() * level / 10;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = Math.max(0.5, level + trend * t + season * Math.sin(2 * Math.PI * t / m) + noise * r.nextGaussian());
        }
        if (r.nextInt(5) == 0) {
            y[r.nextInt(n)] = 0;
        }
        return y;
    }

    @Test
    void everyHistoryGetsFiniteForecastsAndRestoringTheModelGivesThemBack() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int m = new int[] {1, 4, 12}[r.nextInt(3)];
            double[] y = series(r, m);
            EtsForecaster ets = new EtsForecaster();
            FittedForecaster fit = ets.fit(y, m);
            double[] f = fit.forecast(2 * m + 1);
            for (double v : f) {
                assertTrue(Double.isFinite(v), fit.description());
            }
            assertEquals(y.length, fit.fitted().length);
            FittedForecaster back = ets.restore(fit.parameters(), y, m);
            assertArrayEquals(f, back.forecast(2 * m + 1), 1e-9 * (1 + Math.abs(f[0])));
        });
    }
}
