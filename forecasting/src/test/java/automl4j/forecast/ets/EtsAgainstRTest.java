package automl4j.forecast.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import automl4j.forecast.model.FittedForecaster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our ETS against R's forecast 8.20 on the fixture series (see {@code src/test/r/ets-fixtures.R}): R's fitted models
 * restored here must forecast as R does, and our own fits must be about as good by AICc.
 */
class EtsAgainstRTest {
    private static List<RFixture> fixtures;
    private static Map<String, Map<String, ForecastingPack.Series>> collections;

    @BeforeAll
    static void load() {
        fixtures = RFixture.load();
        Path pack = ForecastingPack.locate();
        Assumptions.assumeTrue(pack != null, "shared/datasets/forecasting not found: skipping the comparison with R");
        collections = new HashMap<>();
        for (RFixture f : fixtures) {
            collections.computeIfAbsent(f.collection, c -> ForecastingPack.read(pack, c));
        }
    }

    private static double[] history(RFixture f) {
        double[] y = collections.get(f.collection).get(f.seriesId).train;
        assertEquals(f.n, y.length, f.seriesId + " length");
        return y;
    }

    @Test
    void restoringRsModelsReproducesItsForecastsAndLikelihood() {
        EtsForecaster ets = new EtsForecaster();
        for (RFixture f : fixtures) {
            FittedForecaster fitted = ets.restore(f.parameters(), history(f), f.m);
            double[] fc = fitted.forecast(f.h);
            // R's forecasts of ETS(M,Ad,M) damp the slope from phi^0 (l + (1 + ... + phi^(j-1)) b), unlike its other
            // damped forms and the model equations (l + (phi + ... + phi^j) b), which we follow: a relative
            // difference of about (1 - phi) j b / l, below 1e-3 here
            double relTol = f.form.equals("MAdM") ? 1e-3 : 1e-6;
            for (int j = 0; j < f.h; j++) {
                double tol = relTol * Math.max(1, Math.abs(f.forecast[j]));
                assertEquals(f.forecast[j], fc[j], tol, f.collection + " " + f.seriesId + " " + f.form + " step " + (j + 1));
            }
            double loglik = ((FittedEts) fitted).logLikelihood();
            assertEquals(f.loglik, loglik, 1e-6 * Math.max(1, Math.abs(f.loglik)), f.seriesId + " log-likelihood");
            assertEquals(f.aicc, ((FittedEts) fitted).aicc(), 1e-6 * Math.max(1, Math.abs(f.aicc)), f.seriesId + " AICc");
            assertEquals(f.sigma2, ((FittedEts) fitted).sigma2(), 1e-6 * f.sigma2, f.seriesId + " sigma2");
        }
    }

    @Test
    void ourFitsAreAboutAsGoodAsRsByAiccAndMostlyChooseTheSameForm() {
        EtsForecaster ets = new EtsForecaster();
        List<String> worse = new ArrayList<>();
        int sameForm = 0;
        double totalDiff = 0;
        for (RFixture f : fixtures) {
            FittedEts ours = ets.fit(history(f), f.m);
            double diff = ours.aicc() - f.aicc;
            totalDiff += diff;
            if (ours.form().code().equals(f.form)) {
                sameForm++;
            }
            if (diff > 0.5 + 1e-3 * Math.abs(f.aicc)) {
                worse.add(String.format("%s %s: ours %s AICc %.3f, R %s AICc %.3f", f.collection, f.seriesId,
                        ours.form().code(), ours.aicc(), f.form, f.aicc));
            }
        }
        // the brief asks for the exceptions and the share printed, so that a run shows where we stand against R
        System.out.printf("ETS vs R on %d fixture series: same form on %d (%.0f%%), mean AICc difference %.3f, "
                + "worse by more than the tolerance on %d%n", fixtures.size(), sameForm,
                100.0 * sameForm / fixtures.size(), totalDiff / fixtures.size(), worse.size());
        worse.forEach(w -> System.out.println("  " + w));
        assertTrue(worse.size() <= fixtures.size() / 10, "worse than R on too many series: " + worse);
        assertTrue(sameForm >= fixtures.size() * 6 / 10, "same form as R on only " + sameForm + " series");
    }
}
