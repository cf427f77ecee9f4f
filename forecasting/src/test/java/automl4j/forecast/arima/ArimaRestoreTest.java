package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R's chosen orders and coefficients, run through our filter, give R's forecasts and log-likelihoods. */
class ArimaRestoreTest {
    @Test
    void rModelsReproduceRForecastsAndLikelihoods() {
        Path pack = PackData.folder();
        assumeTrue(pack != null, "forecasting pack absent");
        Map<String, Map<String, PackData.Series>> data = new HashMap<>();
        double worstForecast = 0;
        double worstLoglik = 0;
        for (RFixture f : RFixture.all()) {
            double[] x = data.computeIfAbsent(f.collection, c -> PackData.read(pack, c)).get(f.id).train;
            FittedArima fit = f.model().filter(x);
            double[] fc = fit.forecast(f.h);
            double scale = 0;
            for (double v : x) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < f.h; i++) {
                double rel = Math.abs(fc[i] - f.forecast[i]) / scale;
                worstForecast = Math.max(worstForecast, rel);
                assertEquals(f.forecast[i], fc[i], 1e-6 * scale, f + " forecast " + (i + 1));
            }
            worstLoglik = Math.max(worstLoglik, Math.abs(fit.logLikelihood() - f.loglik));
            assertEquals(f.loglik, fit.logLikelihood(), 1e-3, f + " loglik");
            // R sums in the diffuse start-up residuals too (about x_1 / 1000 each), so sigma2 agrees to about 1e-3 only
            assertEquals(f.sigma2, fit.sigma2(), 1e-2 * f.sigma2, f + " sigma2");
        }
        System.out.printf("restore: worst forecast error %.2e of the series' largest value, worst loglik %.2e%n",
            worstForecast, worstLoglik);
    }
}
