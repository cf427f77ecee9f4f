package automl4j.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.GlobalForecaster.FittedGlobal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearnedGlobalForecasterTest {
    /** Seasonal series of very different sizes with one shared shape: a global model learns it once. */
    private static List<double[]> seasonal(int count, int length, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double size = Math.pow(10, 1 + 3 * r.nextDouble());
            double phase = r.nextInt(4);
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                y[t] = size * (1 + 0.3 * Math.sin(2 * Math.PI * (t + phase) / 4) + 0.02 * r.nextGaussian());
            }
            out.add(y);
        }
        return out;
    }

    /** Fewer rounds and rows, so that the tests stay fast. */
    private static LearnedGlobalForecaster small(LearnedGlobalForecaster g) {
        return g.withMaxRows(3000).withConfig(Map.of("n_estimators", 80, "learning_rate", 0.1));
    }

    private static double meanAbsPercentError(FittedGlobal model, List<double[]> full, int horizon) {
        double sum = 0;
        for (double[] y : full) {
            double[] history = java.util.Arrays.copyOf(y, y.length - horizon);
            double[] f = model.forecast(history, horizon);
            for (int s = 0; s < horizon; s++) {
                sum += Math.abs(f[s] - y[history.length + s]) / y[history.length + s];
            }
        }
        return sum / (full.size() * horizon);
    }

    @Test
    void eachLearnerLearnsTheSharedShapeAcrossScales() {
        List<double[]> full = seasonal(40, 48, 1);
        List<double[]> train = full.stream().map(y -> java.util.Arrays.copyOf(y, 40)).toList();
        for (LearnedGlobalForecaster g : List.of(LearnedGlobalForecaster.linear(), small(LearnedGlobalForecaster.lightgbm()),
                small(LearnedGlobalForecaster.xgboost()), small(LearnedGlobalForecaster.lightgbm())
                .withStrategy(Strategy.DIRECT))) {
            FittedGlobal model = g.fit(train, 4, 8, 7, 1);
            assertThat(meanAbsPercentError(model, full, 8)).as(model.description()).isLessThan(0.06);
        }
    }

    @Test
    void aRestoredModelForecastsExactlyAsTheFittedOne() {
        List<double[]> train = seasonal(30, 40, 2);
        for (LearnedGlobalForecaster g : List.of(LearnedGlobalForecaster.linear(), small(LearnedGlobalForecaster.lightgbm()),
                small(LearnedGlobalForecaster.lightgbm()).withStrategy(Strategy.DIRECT).withTarget(TargetScale.RATIO)
                        .withDeseasonalize(false))) {
            FittedGlobal model = g.fit(train, 4, 6, 3, 1);
            Map<String, Object> parameters = model.parameters();
            for (Object v : parameters.values()) {
                assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class, double[].class);
            }
            FittedGlobal restored = g.restore(asJsonReaderGivesThem(parameters), 4, 6);
            for (double[] y : seasonal(5, 30, 9)) {
                assertThat(restored.forecast(y, 6)).containsExactly(model.forecast(y, 6));
                assertThat(restored.forecast(y, 3)).containsExactly(model.forecast(y, 3));
            }
            FittedGlobal twice = g.restore(restored.parameters(), 4, 6);
            assertThat(twice.forecast(train.get(0), 6)).containsExactly(model.forecast(train.get(0), 6));
        }
    }

    /** The parameters as a JSON reader gives them back: whole numbers as longs, arrays as lists of doubles. */
    private static Map<String, Object> asJsonReaderGivesThem(Map<String, Object> parameters) {
        Map<String, Object> out = new HashMap<>();
        parameters.forEach((k, v) -> out.put(k, v instanceof double[] d ? java.util.Arrays.stream(d).boxed().toList()
                : v instanceof Integer i ? (Object) i.longValue() : v));
        return out;
    }

    @Test
    void theSameSeedGivesTheSameForecasts() {
        List<double[]> train = seasonal(30, 40, 4);
        LearnedGlobalForecaster g = LearnedGlobalForecaster.lightgbm().withMaxRows(2000);   // subsampled: the seed chooses rows
        double[] y = seasonal(1, 30, 5).get(0);
        assertThat(g.fit(train, 4, 6, 11, 1).forecast(y, 6)).containsExactly(g.fit(train, 4, 6, 11, 1).forecast(y, 6));
    }

    @Test
    void aCollectionTooSmallToLearnFromFailsClearly() {
        LearnedGlobalForecaster g = LearnedGlobalForecaster.linear();
        assertThat(g.minLength(12)).isEqualTo(24);
        List<double[]> tiny = seasonal(2, 26, 6).stream().map(y -> java.util.Arrays.copyOf(y, 26)).toList();
        assertThatThrownBy(() -> g.fit(List.of(new double[10], new double[20]), 12, 6, 1, 1))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("global-linear cannot learn from 2 series: 0 of them have more than 24 values");
        assertThatThrownBy(() -> g.fit(tiny, 12, 6, 1, 1)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("giving 4 training rows where at least 58 are needed");
    }

    @Test
    void forecastsRefuseShortHistoriesLongHorizonsAndForeignParameters() {
        FittedGlobal model = LearnedGlobalForecaster.linear().fit(seasonal(20, 30, 8), 4, 4, 1, 1);
        assertThatThrownBy(() -> model.forecast(new double[7], 4)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("needs at least 8 values");
        assertThatThrownBy(() -> model.forecast(new double[20], 5)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("fitted for 1 to 4 steps");
        assertThatThrownBy(() -> LearnedGlobalForecaster.lightgbm().restore(model.parameters(), 4, 4))
                .isInstanceOf(ForecastException.class).hasMessageContaining("parameters are of 'tribuo-liblinear'");
        assertThatThrownBy(() -> LearnedGlobalForecaster.byId("global-nope")).isInstanceOf(ForecastException.class);
    }

    @Test
    void positiveCollectionsLearnLogRatiosOthersRatios() {
        List<double[]> positive = seasonal(20, 30, 10);
        assertThat(LearnedGlobalForecaster.linear().fit(positive, 4, 4, 1, 1).parameters()).containsEntry("target", "log-ratio");
        List<double[]> withZero = new ArrayList<>(positive);
        withZero.set(0, new double[30]);
        assertThat(LearnedGlobalForecaster.linear().fit(withZero, 4, 4, 1, 1).parameters()).containsEntry("target", "log-ratio");
        List<double[]> withNegative = new ArrayList<>(positive);
        withNegative.set(0, java.util.stream.IntStream.range(0, 30).mapToDouble(t -> t - 10).toArray());
        assertThat(LearnedGlobalForecaster.linear().fit(withNegative, 4, 4, 1, 1).parameters()).containsEntry("target", "ratio");
        assertThatThrownBy(() -> LearnedGlobalForecaster.linear().withTarget(TargetScale.LOG_RATIO).fit(withNegative, 4, 4, 1, 1))
                .isInstanceOf(ForecastException.class).hasMessageContaining("negative values");
        // a log-ratio model still forecasts a history with a negative value in it (counted as 0)
        FittedGlobal model = LearnedGlobalForecaster.linear().fit(positive, 4, 4, 1, 1);
        double[] history = positive.get(1).clone();
        history[history.length - 2] = -5;
        for (double v : model.forecast(history, 4)) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void forecastsOfANonNegativeHistoryAreNeverNegative() {
        List<double[]> falling = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double[] y = new double[30];
            for (int t = 0; t < 30; t++) {
                y[t] = Math.max(0, 100 - (4 + s % 3) * t);
            }
            falling.add(y);
        }
        FittedGlobal model = LearnedGlobalForecaster.linear().fit(falling, 1, 6, 1, 1);
        double[] steep = {60, 50, 40, 30, 20, 10};
        for (double v : model.forecast(steep, 6)) {
            assertThat(v).isGreaterThanOrEqualTo(0);
        }
    }
}
