package automl4j.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import automl4j.forecast.Agreement;
import automl4j.forecast.RBaselines;
import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.decompose.SeasonalityCheck;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.pack.CollectionInfo;
import automl4j.forecast.pack.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Theta forecaster against R's {@code thetaf} on the whole pack. The fixture {@code theta/thetaf_fits.csv.gz}
 * (written by {@code src/test/r/theta_fixture.R}) holds, per series, thetaf's seasonality decision and the parameters
 * and in-sample MSE of the exponential smoothing inside it.
 */
class ThetaForecasterTest {
    private final ThetaForecaster theta = new ThetaForecaster();

    /** R's fit of one series. */
    private record RFit(boolean seasonal, double alpha, double initialLevel, double mse, double drift) {
    }

    private static Map<String, RFit> fixture() throws IOException {
        Map<String, RFit> fits = new HashMap<>();
        InputStream in = ThetaForecasterTest.class.getResourceAsStream("/theta/thetaf_fits.csv.gz");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                fits.put(f[0] + "," + f[1], new RFit(f[2].equals("1"), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        }
        return fits;
    }

    private static double mse(double[] y, double alpha, double level) {
        double sse = 0;
        for (double v : y) {
            sse += (v - level) * (v - level);
            level += alpha * (v - level);
        }
        return sse / y.length;
    }

    /**
     * With R's smoothing parameters, the forecasts are thetaf's to 1e-8 on every series: the method (seasonality
     * test, decomposition, drift, reseasonalising) is the same, and only the fit of alpha and the initial level can
     * differ.
     */
    @Test
    void givenRsSmoothingParametersForecastsEqualThetafEverywhere() throws IOException {
        Map<String, RFit> fits = fixture();
        Agreement agreement = new Agreement(1e-8);
        for (CollectionInfo info : RBaselines.pack().collections()) {
            for (Series s : RBaselines.collection(info.name()).series()) {
                RFit r = fits.get(info.name() + "," + s.id());
                FittedForecaster ours = theta.fit(s.train(), info.period());
                Map<String, Object> p = new LinkedHashMap<>(ours.parameters());
                p.put(ThetaForecaster.ALPHA, r.alpha());
                p.put(ThetaForecaster.INITIAL_LEVEL, r.initialLevel());
                double[] f = theta.restore(p, s.train(), info.period()).forecast(info.horizon());
                agreement.add(s.id(), f, RBaselines.forecast("theta", info.name(), s.id()));
            }
        }
        assertThat(agreement.series()).isEqualTo(4314);
        assertThat(agreement.within()).as(agreement.toString()).isEqualTo(agreement.series());
    }

    /**
     * Our fit reaches an in-sample MSE at most R's on every series (R's Nelder-Mead sometimes stops at a local
     * optimum or short of the boundary alpha = 1e-4), with the same seasonality decision and drift.
     */
    @Test
    void fitIsNeverWorseThanRsAndDecidesSeasonalityAsThetaf() throws IOException {
        Map<String, RFit> fits = fixture();
        int better = 0;
        double worstRatio = 0;
        for (CollectionInfo info : RBaselines.pack().collections()) {
            for (Series s : RBaselines.collection(info.name()).series()) {
                RFit r = fits.get(info.name() + "," + s.id());
                double[] x = s.train();
                assertThat(SeasonalityCheck.theta().isSeasonal(x, info.period())).as(s.id()).isEqualTo(r.seasonal());
                Map<String, Object> p = theta.fit(x, info.period()).parameters();
                assertThat((Double) p.get(ThetaForecaster.DRIFT)).as(s.id())
                        .isCloseTo(r.drift(), org.assertj.core.data.Offset.offset(1e-9 * Math.abs(r.drift()) + 1e-9));
                double[] y = SeasonalAdjustment.of(x, info.period(), SeasonalityCheck.theta()).adjust(x);
                double ours = mse(y, (Double) p.get(ThetaForecaster.ALPHA), (Double) p.get(ThetaForecaster.INITIAL_LEVEL));
                worstRatio = Math.max(worstRatio, ours / r.mse());
                better += ours < r.mse() * (1 - 1e-9) ? 1 : 0;
            }
        }
        assertThat(worstRatio).as("largest ratio of our MSE to R's").isLessThanOrEqualTo(1 + 1e-9);
        assertThat(better).as("series where our MSE is smaller than R's").isGreaterThan(1000);
    }

    /**
     * The forecasts themselves: those of series where R's optimiser reached the optimum agree to 1e-6 (2439 of 4314
     * series when this was written); the others differ by as much as R's fit falls short.
     */
    @Test
    void forecastsAgreeWithThetafWhereItsFitIsOptimal() {
        Agreement agreement = new Agreement(1e-6);
        for (CollectionInfo info : RBaselines.pack().collections()) {
            for (Series s : RBaselines.collection(info.name()).series()) {
                agreement.add(s.id(), theta.fit(s.train(), info.period()).forecast(info.horizon()),
                        RBaselines.forecast("theta", info.name(), s.id()));
            }
        }
        assertThat(agreement.within()).as(agreement.toString()).isGreaterThanOrEqualTo(2400);
    }

    @Test
    void forecastIsSmoothingWithHalfTheTrendSlope() {
        double[] x = {10, 12, 11, 13, 15, 14, 16, 18, 17, 19};
        FittedForecaster f = theta.fit(x, 1);
        double alpha = (Double) f.parameters().get(ThetaForecaster.ALPHA);
        double level = (Double) f.parameters().get(ThetaForecaster.INITIAL_LEVEL);
        for (double v : x) {
            level += alpha * (v - level);
        }
        double drift = (Double) f.parameters().get(ThetaForecaster.DRIFT);
        assertThat(drift).isCloseTo(LinearTrend.of(x).slope() / 2, org.assertj.core.data.Offset.offset(1e-12));
        double[] fc = f.forecast(3);
        for (int h = 1; h <= 3; h++) {
            double expected = level + drift * (h - 1 + (1 - Math.pow(1 - alpha, x.length)) / alpha);
            assertThat(fc[h - 1]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(f.fitted()).hasSize(x.length);
        assertThat(f.description()).isEqualTo("Theta");
    }

    @Test
    void restoreOnTheSameHistoryForecastsIdentically() {
        assumeTrue(RBaselines.pack() != null);
        Series s = RBaselines.collection("m3-monthly").series().get(0);
        FittedForecaster f = theta.fit(s.train(), 12);
        FittedForecaster g = theta.restore(f.parameters(), s.train(), 12);
        assertThat(g.forecast(18)).containsExactly(f.forecast(18));
        assertThat(g.fitted()).containsExactly(f.fitted());
        assertThat(g.parameters()).isEqualTo(f.parameters());
    }

    @Test
    void rejectsShortHistoriesAndOthersParameters() {
        assertThatThrownBy(() -> theta.fit(new double[] {1, 2}, 1)).isInstanceOf(ForecastException.class)
                .hasMessageContaining(">= 3 values");
        assertThatThrownBy(() -> theta.fit(new double[] {1, Double.NaN, 2}, 1)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("value 1 was NaN");
        Map<String, Object> naive = new automl4j.forecast.model.NaiveForecaster().fit(new double[] {1, 2}, 1)
                .parameters();
        assertThatThrownBy(() -> theta.restore(naive, new double[] {1, 2, 3}, 1))
                .isInstanceOf(ForecastException.class).hasMessageContaining("'theta'").hasMessageContaining("'naive'");
    }
}
