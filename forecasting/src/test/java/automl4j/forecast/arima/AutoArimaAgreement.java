package automl4j.forecast.arima;

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
     * How our automatic choice compares with R's on fixture series.
     *
     * @param series        fixture series compared
     * @param sameOrder     series where we chose R's order
     * @param sameForecasts of those, series whose forecasts are within 0.1 % of R's
     * @param notWorse      series where our choice is R's or has an AICc no worse than R's
     */
    record Agreement(int series, int sameOrder, int sameForecasts, int notWorse) {
    }

    /**
     * Fits the fixture series that {@code which} selects and prints how they agree with R.
     *
     * @param which the series
     * @param label what they are, for the printout
     * @return the agreement
     */
    static Agreement check(Predicate<RFixture> which, String label) {
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
        return new Agreement(fixtures.size(), same, sameForecasts, notWorse);
    }
}
