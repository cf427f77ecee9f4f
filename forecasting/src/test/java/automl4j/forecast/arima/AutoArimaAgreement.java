package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Runs automatic selection on fixture series and compares its choices with R's auto.arima. */
final class AutoArimaAgreement {
    private AutoArimaAgreement() {
    }

    private static final Map<String, Map<String, PackData.Series>> DATA = new HashMap<>();

    private static double[] train(Path pack, RFixture f) {
        return DATA.computeIfAbsent(f.collection, c -> PackData.read(pack, c)).get(f.id).train;
    }

    /**
     * Fits the fixture series that {@code which} selects, prints the agreement and asserts it.
     *
     * @param which the series
     * @param label what they are, for the printout
     */
    static void check(Predicate<RFixture> which, String label) {
        Path pack = PackData.folder();
        assumeTrue(pack != null, "forecasting pack absent");
        int same = 0;
        int notWorse = 0;
        int sameForecasts = 0;
        List<RFixture> fixtures = RFixture.all().stream().filter(which).collect(Collectors.toList());
        long t0 = System.nanoTime();
        StringBuilder diffs = new StringBuilder();
        for (RFixture f : fixtures) {
            FittedArima fit = ArimaForecaster.automatic().fit(train(pack, f), f.m);
            boolean eq = fit.model().order().equals(f.order);
            same += eq ? 1 : 0;
            if (eq) {
                double[] fc = fit.forecast(f.h);
                double worst = 0;
                for (int i = 0; i < f.h; i++) {
                    worst = Math.max(worst, Math.abs(fc[i] - f.forecast[i]) / Math.abs(f.forecast[i]));
                }
                sameForecasts += worst < 1e-3 ? 1 : 0;
            }
            // where the orders differ, our choice should be as good by R's own criterion
            notWorse += eq || fit.aicc() <= f.aicc + 1e-3 ? 1 : 0;
            if (!eq) {
                diffs.append(String.format("  %s: ours %s aicc %.3f, R %s aicc %.3f%n", f, fit.description(),
                    fit.aicc(), f.order, f.aicc));
            }
        }
        System.out.printf(label + ": same order as R on %d/%d (forecasts within 0.1 %% on %d of them), AICc not worse"
            + " on %d/%d, %.1f ms per series%n%s", same, fixtures.size(), sameForecasts, notWorse,
            fixtures.size(), (System.nanoTime() - t0) / 1e6 / fixtures.size(), diffs);
        assertTrue(same >= fixtures.size() * 0.8, "most orders match R's");
        assertTrue(sameForecasts >= same * 0.9, "the same order gives the same forecasts");
        assertTrue(notWorse >= fixtures.size() * 0.9, "where the order differs, ours is mostly as good by AICc");
    }
}
