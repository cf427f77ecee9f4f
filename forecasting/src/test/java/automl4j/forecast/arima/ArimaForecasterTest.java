package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forecaster's contract and its edge cases, on synthetic series (no pack needed). */
class ArimaForecasterTest {
    private static double[] seasonalSeries(int n, int m, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double level = 100;
        for (int t = 0; t < n; t++) {
            level += 0.5 + r.nextGaussian();
            x[t] = level + 10 * Math.sin(2 * Math.PI * t / m) + r.nextGaussian();
        }
        return x;
    }

    @Test
    void constantSeriesForecastsItsValue() {
        double[] x = new double[20];
        Arrays.fill(x, 7.5);
        FittedForecaster f = ArimaForecaster.automatic().fit(x, 1);
        assertEquals("ARIMA(0,0,0) with non-zero mean", f.description());
        for (double v : f.forecast(5)) {
            assertEquals(7.5, v, 0);
        }
        for (double v : f.fitted()) {
            assertEquals(7.5, v, 0);
        }
        FittedForecaster seasonal = ArimaForecaster.automatic().fit(x, 12);
        assertEquals(7.5, seasonal.forecast(3)[2], 0);
    }

    @Test
    void veryShortSeriesStillForecast() {
        assertEquals(3, ArimaForecaster.automatic().minLength(12));
        for (int n = 3; n <= 9; n++) {
            double[] x = Arrays.copyOf(new double[] {12, 15, 11, 19, 22, 18, 25, 24, 29}, n);
            for (int m : new int[] {1, 4, 12}) {
                double[] f = ArimaForecaster.automatic().fit(x, m).forecast(8);
                for (double v : f) {
                    assertTrue(Double.isFinite(v), "n=" + n + " m=" + m);
                }
            }
        }
        assertThrows(ForecastException.class, () -> ArimaForecaster.automatic().fit(new double[] {1, 2}, 1));
    }

    @Test
    void exactTrendIsARandomWalkWithDrift() {
        double[] x = new double[25];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + 2 * t;
        }
        FittedForecaster f = ArimaForecaster.automatic().fit(x, 1);
        assertEquals("ARIMA(0,1,0) with drift", f.description());
        double[] fc = f.forecast(4);
        for (int h = 0; h < 4; h++) {
            assertEquals(10 + 2 * (25 + h), fc[h], 1e-9);
        }
        assertTrue(Double.isNaN(f.fitted()[0]));
        assertEquals(x[5], f.fitted()[5], 1e-9);
    }

    @Test
    void noisyTrendKeepsItsSlope() {
        Random r = new Random(3);
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 50 + 3 * t + 2 * r.nextGaussian();
        }
        FittedArima f = ArimaForecaster.automatic().fit(x, 1);
        double[] fc = f.forecast(10);
        assertEquals(50 + 3 * 69, fc[9], 15, f.description());
        assertTrue(fc[9] > fc[0], "the forecasts rise");
    }

    @Test
    void restoreOnTheSameHistoryGivesTheSameForecastsAndOnALongerOneMovesOn() {
        double[] x = seasonalSeries(96, 12, 1);
        FittedForecaster fit = ArimaForecaster.automatic().fit(Arrays.copyOf(x, 84), 12);
        Map<String, Object> params = fit.parameters();
        for (Object v : params.values()) {
            assertTrue(v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof double[]);
        }
        FittedForecaster same = ArimaForecaster.automatic().restore(params, Arrays.copyOf(x, 84), 12);
        assertArrayEquals(fit.forecast(12), same.forecast(12), 1e-9);
        assertEquals(fit.description(), same.description());
        FittedForecaster longer = ArimaForecaster.automatic().restore(params, x, 12);
        assertEquals(96, longer.fitted().length);
        // one step ahead of the longer history is the in-sample fitted value of a history one longer
        double[] grown = Arrays.copyOf(x, 97);
        grown[96] = 0;
        assertEquals(longer.forecast(1)[0],
            ArimaForecaster.automatic().restore(params, grown, 12).fitted()[96], 1e-6);
    }

    @Test
    void restoreRefusesOtherParameters() {
        Map<String, Object> other = new HashMap<>();
        other.put("model", "ets");
        double[] x = seasonalSeries(40, 4, 2);
        assertThrows(ForecastException.class, () -> ArimaForecaster.automatic().restore(other, x, 4));
        Map<String, Object> params = ArimaForecaster.of(1, 1, 0, 0, 0, 0, true).fit(x, 4).parameters();
        assertThrows(ForecastException.class, () -> ArimaForecaster.automatic().restore(params, x, 12));
    }

    @Test
    void fixedOrderFitsThatOrder() {
        double[] x = seasonalSeries(120, 12, 4);
        FittedArima f = ArimaForecaster.of(0, 1, 1, 0, 1, 1, false).fit(x, 12);
        assertEquals("ARIMA(0,1,1)(0,1,1)[12]", f.description());
        assertEquals(1, f.model().ma().length);
        assertEquals(1, f.model().sma().length);
        assertTrue(f.model().smallestRoot() > 1, "invertible");
        assertEquals("ARIMA(0,1,1) with drift", ArimaForecaster.of(0, 1, 1, 1, 0, 0, true).fit(x, 1).description());
        assertThrows(ForecastException.class, () -> ArimaForecaster.of(0, 2, 1, 0, 0, 0, true));
        assertEquals("arima", ArimaForecaster.of(1, 0, 0, 0, 0, 0, true).id());
    }

    @Test
    void randomWalkForecastVariancesGrowLinearly() {
        double[] x = seasonalSeries(50, 1, 5);
        FittedArima f = new ArimaModel(new ArimaOrder(0, 1, 0, 0, 0, 0, 1, false), new double[0], new double[0],
            new double[0], new double[0], 0).filter(x);
        double[] v = f.forecastVariances(4);
        for (int h = 0; h < 4; h++) {
            assertEquals(f.sigma2() * (h + 1), v[h], 1e-9 * f.sigma2());
        }
    }

    @Test
    void fittingIsDeterministic() {
        double[] x = seasonalSeries(72, 12, 6);
        FittedForecaster a = ArimaForecaster.automatic().fit(x, 12);
        FittedForecaster b = ArimaForecaster.automatic().fit(x, 12);
        assertEquals(a.description(), b.description());
        assertArrayEquals(a.forecast(18), b.forecast(18), 0);
    }

    @Test
    void nonFiniteHistoryIsRefused() {
        assertThrows(ForecastException.class,
            () -> ArimaForecaster.automatic().fit(new double[] {1, 2, Double.NaN, 4, 5}, 1));
    }
}
