package automl4j.forecast.search;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.Forecaster;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;

/** Small forecasters for testing the search, independent of the real models. */
final class ToyForecasters {
    private ToyForecasters() {
    }

    /** A forecaster from a function of (history, horizon) to forecasts. */
    static Forecaster of(String id, int minLength, BiFunction<double[], Integer, double[]> f) {
        return new Forecaster() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int minLength(int period) {
                return minLength;
            }

            @Override
            public FittedForecaster fit(double[] history, int period) {
                double[] h = history.clone();
                return new FittedForecaster() {
                    @Override
                    public double[] forecast(int horizon) {
                        return f.apply(h, horizon);
                    }

                    @Override
                    public double[] fitted() {
                        double[] out = new double[h.length];
                        Arrays.fill(out, Double.NaN);
                        return out;
                    }

                    @Override
                    public String description() {
                        return id;
                    }

                    @Override
                    public Map<String, Object> parameters() {
                        return Map.of();
                    }
                };
            }

            @Override
            public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
                return fit(history, period);
            }
        };
    }

    static Forecaster last() {
        return of("last", 1, (h, n) -> filled(n, h[h.length - 1]));
    }

    static Forecaster mean() {
        return of("mean", 1, (h, n) -> filled(n, Arrays.stream(h).average().orElseThrow()));
    }

    static Forecaster constant(String id, double value) {
        return of(id, 1, (h, n) -> filled(n, value));
    }

    static Forecaster failing(String id) {
        return of(id, 1, (h, n) -> {
            throw new ForecastException("cannot fit " + h.length + " values");
        });
    }

    /** Records the length of every history it is fitted on, and forecasts the last value. */
    static Forecaster recording(String id, ConcurrentLinkedQueue<Integer> lengths) {
        return of(id, 1, (h, n) -> {
            lengths.add(h.length);
            return filled(n, h[h.length - 1]);
        });
    }

    static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    static List<Forecaster> list(Forecaster... f) {
        return List.of(f);
    }
}
