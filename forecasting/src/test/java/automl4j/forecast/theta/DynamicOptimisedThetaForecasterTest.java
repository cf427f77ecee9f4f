package automl4j.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import automl4j.forecast.RBaselines;
import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.decompose.SeasonalityCheck;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.pack.CollectionInfo;
import automl4j.forecast.pack.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

class DynamicOptimisedThetaForecasterTest {
    private final DynamicOptimisedThetaForecaster dotm = new DynamicOptimisedThetaForecaster();

    private static double sse(double[] y, double alpha, double l0, double w) {
        double[] run = new DynamicThetaModel(alpha, l0, w).run(y);
        double s = 0;
        for (int t = DynamicThetaModel.FIRST_SCORED; t < y.length; t++) {
            s += (y[t] - run[t]) * (y[t] - run[t]);
        }
        return s;
    }

    /**
     * The one-dimensional search with the initial level and theta solved exactly is not beaten by a Nelder-Mead
     * search over all three parameters started from its own answer, on a spread of real series.
     */
    @Test
    void fitIsALocalOptimumOfAllThreeParameters() {
        for (String name : List.of("m3-yearly", "m3-monthly", "tourism-quarterly")) {
            CollectionInfo info = RBaselines.pack().collection(name);
            List<Series> all = RBaselines.collection(name).series();
            for (int i = 0; i < all.size(); i += 50) {
                double[] x = all.get(i).train();
                double[] y = SeasonalAdjustment.of(x, info.period(), SeasonalityCheck.theta()).adjust(x);
                DynamicThetaModel m = DynamicThetaModel.fit(y);
                double ours = sse(y, m.alpha(), m.initialLevel(), m.w());
                double scale = Math.abs(m.initialLevel()) + 1;
                double best = new SimplexOptimizer(1e-11, 1e-11 * ours).optimize(new MaxEval(20000), GoalType.MINIMIZE,
                        new NelderMeadSimplex(new double[] {0.05, 0.05 * scale, 0.05}),
                        new InitialGuess(new double[] {m.alpha(), m.initialLevel(), m.w()}),
                        // outside the bounds the parameters are clamped, so the simplex sees a flat, finite loss there
                        new ObjectiveFunction(p -> sse(y,
                                Math.min(Math.max(p[0], SmoothingSearch.MIN_ALPHA), SmoothingSearch.MAX_ALPHA), p[1],
                                Math.min(Math.max(p[2], 0), DynamicThetaModel.MAX_W)))).getValue();
                assertThat(ours).as(all.get(i).id()).isLessThanOrEqualTo(best * (1 + 1e-9) + 1e-9);
            }
        }
    }

    @Test
    void forecastsEverySeriesOfThePackWithThetaAtLeastOne() {
        int n = 0;
        for (CollectionInfo info : RBaselines.pack().collections()) {
            for (Series s : RBaselines.collection(info.name()).series()) {
                FittedForecaster f = dotm.fit(s.train(), info.period());
                assertThat(java.util.Arrays.stream(f.forecast(info.horizon())).allMatch(Double::isFinite)).as(s.id()).isTrue();
                assertThat((Double) f.parameters().get("theta")).isBetween(1.0, 1000.0 + 1e-9);
                n++;
            }
        }
        assertThat(n).isEqualTo(4314);
    }

    @Test
    void forecastsFollowTheModelsFormula() {
        double[] x = {12, 15, 14, 18, 21, 19, 24, 26, 25, 30, 29, 33};
        FittedForecaster f = dotm.fit(x, 1);
        Map<String, Object> p = f.parameters();
        double alpha = (Double) p.get("alpha");
        double w = 1 - 1 / (Double) p.get("theta");
        double level = (Double) p.get("initial_level");
        for (double v : x) {
            level += alpha * (v - level);
        }
        LinearTrend line = LinearTrend.of(x);
        double q = 1 - alpha;
        int n = x.length;
        double[] fc = f.forecast(4);
        for (int h = 1; h <= 4; h++) {
            double expected = level + w * (Math.pow(q, n) * line.intercept()
                    + (h - 1 + (1 - Math.pow(q, n + 1)) / alpha) * line.slope());
            assertThat(fc[h - 1]).isCloseTo(expected, offset(1e-9));
        }
        assertThat(fc[3] - fc[2]).isCloseTo(w * line.slope(), offset(1e-9));
        assertThat(f.description()).startsWith("DOTM(theta = ");
    }

    @Test
    void restoreReplaysTheModelOnALongerHistory() {
        double[] x = {12, 15, 14, 18, 21, 19, 24, 26, 25, 30, 29, 33};
        FittedForecaster f = dotm.fit(java.util.Arrays.copyOf(x, 10), 1);
        FittedForecaster same = dotm.restore(f.parameters(), java.util.Arrays.copyOf(x, 10), 1);
        assertThat(same.forecast(5)).containsExactly(f.forecast(5));
        FittedForecaster longer = dotm.restore(f.parameters(), x, 1);
        assertThat(longer.fitted()).hasSize(12);
        assertThat(java.util.Arrays.copyOf(longer.fitted(), 10)).containsExactly(f.fitted(), offset(1e-9));
        assertThat(longer.parameters().get("alpha")).isEqualTo(f.parameters().get("alpha"));

        Map<String, Object> bad = new LinkedHashMap<>(f.parameters());
        bad.put("theta", 0.5);
        assertThatThrownBy(() -> dotm.restore(bad, x, 1)).isInstanceOf(ForecastException.class)
                .hasMessage("parameter 'theta' must be >= 1, but was 0.5");
        bad.remove("theta");
        assertThatThrownBy(() -> dotm.restore(bad, x, 1)).isInstanceOf(ForecastException.class)
                .hasMessage("parameter 'theta' must be a finite number, but was null");
    }
}
