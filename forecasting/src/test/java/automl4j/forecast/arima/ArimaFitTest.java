package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Estimation of a fixed order against R's on the fixture series. */
class ArimaFitTest {
    private static final Map<String, Map<String, PackData.Series>> DATA = new HashMap<>();

    private static double[] train(Path pack, RFixture f) {
        return DATA.computeIfAbsent(f.collection, c -> PackData.read(pack, c)).get(f.id).train;
    }

    @Test
    void fixedOrderLikelihoodMatchesR() {
        Path pack = PackData.folder();
        assumeTrue(pack != null, "forecasting pack absent");
        int close = 0;
        double worstBelow = 0;
        List<RFixture> fixtures = RFixture.all();
        for (RFixture f : fixtures) {
            ArimaEstimator est = new ArimaEstimator(f.order, train(pack, f));
            FittedArima fit = est.exact(est.css());
            double diff = fit.logLikelihood() - f.loglik;
            // ours may find a higher maximum than R's optimizer; it must never be far below
            worstBelow = Math.min(worstBelow, diff);
            close += Math.abs(diff) < 0.01 ? 1 : 0;
            assertTrue(diff > -0.5, f + " " + f.order + ": loglik " + fit.logLikelihood() + " vs R " + f.loglik);
        }
        System.out.printf("fixed order: loglik within 0.01 of R on %d/%d, worst shortfall %.3g%n", close,
            fixtures.size(), worstBelow);
        assertTrue(close >= fixtures.size() * 0.9, "most log-likelihoods match R's");
    }
}
