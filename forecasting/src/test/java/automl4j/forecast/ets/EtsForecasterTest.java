package automl4j.forecast.ets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

class EtsForecasterTest {
    private static double[] seasonal(int n, int m, double level, double trend, double amplitude, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + trend * t + amplitude * Math.sin(2 * Math.PI * t / m) + random.nextGaussian();
        }
        return y;
    }

    @Test
    void idIsEtsWhateverTheSettings() {
        assertEquals("ets", new EtsForecaster().id());
        assertEquals("ets", EtsForecaster.of("MAdM").id());
    }

    @Test
    void aConstantSeriesForecastsItsValue() {
        double[] y = new double[20];
        Arrays.fill(y, 5);
        for (int m : new int[] {1, 4, 12}) {
            FittedForecaster fit = new EtsForecaster().fit(y, m);
            double[] f = fit.forecast(6);
            for (double v : f) {
                assertEquals(5, v, 1e-12);
            }
        }
    }

    @Test
    void veryShortSeriesFallBackToFewerParameters() {
        double[] all = {10, 12, 11, 14, 13, 15, 16};
        for (int n = 1; n <= 7; n++) {
            double[] y = Arrays.copyOf(all, n);
            FittedEts fit = new EtsForecaster().fit(y, 12);
            String expected = n <= 3 ? "ANN" : n <= 6 ? "AAN" : "ANN";
            assertEquals(expected, fit.form().code(), "n = " + n);
            for (double v : fit.forecast(4)) {
                assertTrue(Double.isFinite(v), "n = " + n);
            }
            assertEquals(n, fit.fitted().length);
        }
        assertEquals(10, new EtsForecaster().fit(new double[] {10}, 1).forecast(1)[0], 1e-12);
    }

    @Test
    void aSeriesWithAZeroGetsNoMultiplicativeForm() {
        double[] y = seasonal(48, 4, 20, 0.2, 5, 1);
        y[10] = 0;
        EtsForecaster ets = new EtsForecaster();
        assertTrue(ets.candidates(y, 4).stream().noneMatch(EtsForm::needsPositiveData));
        assertFalse(ets.fit(y, 4).form().needsPositiveData());
        assertThrows(ForecastException.class, () -> EtsForecaster.of("MNN").fit(y, 4));
    }

    @Test
    void twoYearsOfMonthlyDataTryTheSeasonalFormsThatFit() {
        double[] y = seasonal(24, 12, 100, 0.5, 10, 2);
        EtsForecaster ets = new EtsForecaster();
        // ANA (14 parameters + 4 < 24) through AAdA (17 + 4 < 24) are fittable; all 15 forms of the restricted set
        assertEquals(15, ets.candidates(y, 12).size());
        // the automatic choice may still be non-seasonal (R's is too on such data: 13 more parameters cost much AICc)
        for (double v : ets.fit(y, 12).forecast(18)) {
            assertTrue(Double.isFinite(v));
        }
        double[] f = EtsForecaster.of("ANA").fit(y, 12).forecast(12);
        assertTrue(f[3] > f[9], "the forecast keeps the season's peak and trough: " + Arrays.toString(f));
        // shorter than a cycle plus the parameters: no seasonal form
        assertTrue(ets.candidates(Arrays.copyOf(y, 12), 12).stream().noneMatch(EtsForm::hasSeason));
    }

    @Test
    void periodsAbove24AreTreatedAsNonSeasonal() {
        double[] y = seasonal(200, 52, 100, 0, 10, 3);
        assertTrue(new EtsForecaster().candidates(y, 52).stream().noneMatch(EtsForm::hasSeason));
        assertThrows(ForecastException.class, () -> EtsForecaster.of("ANA").fit(y, 52));
    }

    @Test
    void aFixedFormIsFittedAsAsked() {
        double[] y = seasonal(60, 4, 50, 0.3, 8, 4);
        FittedEts fit = EtsForecaster.of("MAdM").fit(y, 4);
        assertEquals("ETS(M,Ad,M)", fit.description());
        Map<String, Object> p = fit.parameters();
        assertEquals(Arrays.asList("form", "alpha", "beta", "gamma", "phi", "level", "slope", "seasons"),
                Arrays.asList(p.keySet().toArray()));
        double phi = (Double) p.get("phi");
        assertTrue(phi >= 0.8 && phi <= 0.98);
        assertEquals(4, ((double[]) p.get("seasons")).length);
        assertEquals(4 + 4 + 1 + 5, EtsForecaster.of("MAdM").minLength(4));
        ForecastException e = assertThrows(ForecastException.class,
                () -> EtsForecaster.of("MAdM").fit(Arrays.copyOf(y, 13), 4));
        assertTrue(e.getMessage().contains("at least 14"), e.getMessage());
    }

    @Test
    void restrictionsNarrowTheSearch() {
        double[] y = seasonal(60, 4, 50, 0.3, 8, 5);
        assertTrue(new EtsForecaster().withAdditiveOnly(true).candidates(y, 4).stream()
                .noneMatch(EtsForm::needsPositiveData));
        assertTrue(new EtsForecaster().withDamped(true).candidates(y, 4).stream().allMatch(EtsForm::damped));
        assertTrue(new EtsForecaster().withDamped(false).candidates(y, 4).stream().noneMatch(EtsForm::damped));
        assertTrue(new EtsForecaster().withMultiplicativeTrend(true).candidates(y, 4).stream()
                .anyMatch(f -> f.trend() == EtsForm.Trend.MULTIPLICATIVE_DAMPED));
        EtsForecaster wide = new EtsForecaster().withWideSearch(true);
        assertEquals("ets(auto, wide-search)", wide.toString());
        assertEquals("ets(auto, local-search)", new EtsForecaster().withWideSearch(false).toString());
        assertEquals("ets(auto)", new EtsForecaster().withWideSearch(null).toString());
        FittedEts fit = wide.fit(y, 4);
        assertArrayEquals(fit.forecast(8), wide.restore(fit.parameters(), y, 4).forecast(8), 1e-9);
    }

    @Test
    void restoreOnTheSameHistoryGivesTheSameModelAndOnALongerOneForecastsFromItsEnd() {
        double[] y = seasonal(72, 12, 100, 0.4, 10, 6);
        double[] head = Arrays.copyOf(y, 60);
        EtsForecaster ets = new EtsForecaster();
        FittedEts fit = ets.fit(head, 12);
        FittedForecaster same = ets.restore(fit.parameters(), head, 12);
        assertArrayEquals(fit.forecast(18), same.forecast(18), 1e-9);
        assertArrayEquals(fit.fitted(), same.fitted(), 1e-9);
        FittedForecaster grown = ets.restore(fit.parameters(), y, 12);
        assertArrayEquals(fit.fitted(), Arrays.copyOf(grown.fitted(), 60), 1e-9);
        assertNotEquals(fit.forecast(1)[0], grown.forecast(1)[0]);
        assertEquals(fit.description(), grown.description());
    }

    @Test
    void restoreRejectsParametersThatAreNotAnEtsModel() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order", "0,1,1");
        ForecastException e = assertThrows(ForecastException.class,
                () -> new EtsForecaster().restore(p, new double[] {1, 2, 3}, 1));
        assertTrue(e.getMessage().contains("form"), e.getMessage());
        p.put("form", "AAN");
        p.put("alpha", 0.5);
        e = assertThrows(ForecastException.class, () -> new EtsForecaster().restore(p, new double[] {1, 2, 3}, 1));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
    }

    @Test
    void theDampedRecursionForecastsAsWorkedByHand() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("form", "AAdN");
        p.put("alpha", 0.5);
        p.put("beta", 0.1);
        p.put("phi", 0.9);
        p.put("level", 10.0);
        p.put("slope", 1.0);
        FittedForecaster fit = new EtsForecaster().restore(p, new double[] {12}, 1);
        // mu = 10 + 0.9 = 10.9, e = 1.1; level 10.9 + 0.55 = 11.45; slope 0.9 + 0.11 = 1.01
        assertEquals(10.9, fit.fitted()[0], 1e-12);
        assertArrayEquals(new double[] {11.45 + 0.9 * 1.01, 11.45 + 1.71 * 1.01}, fit.forecast(2), 1e-12);
    }

    @Test
    void multiplicativeErrorAndSeasonForecastTheMeanBeyondOneCycle() {
        double[] y = seasonal(40, 4, 50, 0, 8, 8);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("form", "MNM");
        p.put("alpha", 0.3);
        p.put("gamma", 0.2);
        p.put("level", 50.0);
        p.put("seasons", new double[] {1.0, 0.85, 1.0, 1.15});
        FittedEts fit = (FittedEts) new EtsForecaster().restore(p, y, 4);
        double[] f = fit.forecast(12);
        // the level and the seasonal state share the error of the step one cycle back: E = T s (1 + alpha gamma s2)
        double factor = 1 + 0.3 * 0.2 * fit.sigma2();
        for (int j = 0; j < 4; j++) {
            assertEquals(f[j] * factor, f[j + 4], 1e-9 * f[j]);
            assertEquals(f[j] * factor * factor, f[j + 8], 1e-9 * f[j]);
        }
    }

    @Test
    void rejectsBadHistories() {
        EtsForecaster ets = new EtsForecaster();
        assertThrows(ForecastException.class, () -> ets.fit(new double[0], 1));
        ForecastException e = assertThrows(ForecastException.class, () -> ets.fit(new double[] {1, Double.NaN}, 1));
        assertTrue(e.getMessage().contains("value 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ets.fit(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> ets.fit(new double[] {1, 2}, 1).forecast(0));
    }

    @Test
    void formsParseAndPrintBothWays() {
        for (String code : new String[] {"ANN", "AAN", "AAdN", "AMN", "AMdN", "ANA", "MAdM", "MMdM", "MNM"}) {
            assertEquals(code, EtsForm.parse(code).code());
        }
        assertEquals("ETS(M,Ad,M)", EtsForm.parse("MAdM").label());
        for (String bad : new String[] {"AXN", "ANdN", "AN", "MAdMM", "aNN"}) {
            assertThrows(IllegalArgumentException.class, () -> EtsForm.parse(bad), bad);
        }
    }

    @Test
    void fittingIsDeterministic() {
        double[] y = seasonal(96, 12, 200, 0.8, 30, 7);
        assertArrayEquals(new EtsForecaster().fit(y, 12).forecast(18), new EtsForecaster().fit(y, 12).forecast(18));
    }
}
