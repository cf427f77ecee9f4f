package automl4j.forecast.search;

import automl4j.ensemble.EnsembleSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ensemble's weights, per candidate of the complete evaluations: for the collection and (scope SERIES) per series,
 * chosen by Caruana's selection on the backtest forecasts scaled by each window's error scale, minimising the search's
 * {@link ForecastMetric}.
 */
record Selection(double[] collection, double[][] perSeries) {
    /** The weights of series {@code series}: its own, or the collection's. */
    double[] weightsOf(int series) {
        return perSeries == null || perSeries[series] == null ? collection : perSeries[series];
    }

    Map<String, Double> collectionWeights(List<Evaluation> complete) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < complete.size(); c++) {
            if (collection[c] > 0) {
                out.put(complete.get(c).forecaster.id(), collection[c]);
            }
        }
        return out;
    }

    double[] blend(List<Evaluation> complete, Backtests b) {
        double[] out = new double[b.points()];
        for (int s = 0; s + 1 < b.offsets.length; s++) {
            double[] w = weightsOf(s);
            for (int c = 0; c < complete.size(); c++) {
                if (w[c] > 0) {
                    double[] f = complete.get(c).forecast;
                    for (int i = b.offsets[s]; i < b.offsets[s + 1]; i++) {
                        out[i] += w[c] * f[i];
                    }
                }
            }
        }
        return out;
    }

    static Selection choose(List<Evaluation> complete, int seriesCount, Backtests b, EnsembleScope scope, int rounds,
                            ForecastMetric metric) {
        if (complete.isEmpty()) {
            return new Selection(new double[0], null);
        }
        double[] collection = b.points() == 0 ? first(complete.size())
                : selectOn(complete, b, 0, b.points(), scope == EnsembleScope.BEST ? 1 : rounds, metric);
        double[][] perSeries = null;
        if (scope == EnsembleScope.SERIES) {
            perSeries = new double[seriesCount][];
            for (int s = 0; s < seriesCount; s++) {
                if (b.offsets[s + 1] > b.offsets[s]) {
                    perSeries[s] = selectOn(complete, b, b.offsets[s], b.offsets[s + 1], rounds, metric);
                }
            }
        }
        return new Selection(collection, perSeries);
    }

    private static double[] first(int n) {
        double[] w = new double[n];
        w[0] = 1;
        return w;
    }

    /** Caruana's selection on the scaled forecasts of points {@code [from, to)}, minimising {@code metric}. */
    private static double[] selectOn(List<Evaluation> complete, Backtests b, int from, int to, int rounds, ForecastMetric metric) {
        int n = to - from;
        List<float[]> scaled = new ArrayList<>(complete.size());
        for (Evaluation e : complete) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) (e.forecast[from + i] / b.scale[from + i]);
            }
            scaled.add(f);
        }
        double[] target = new double[n];
        double[] weight = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = b.scale[from + i];
            target[i] = b.actual[from + i] / b.scale[from + i];
            weight[i] = b.weight[from + i];
        }
        return new EnsembleSelection(rounds).select(scaled, blend -> {
            double loss = 0;
            for (int i = 0; i < n; i++) {
                loss += weight[i] * metric.pointLoss(blend[i], target[i], scale[i]);
            }
            return loss;
        }).weights();
    }
}
