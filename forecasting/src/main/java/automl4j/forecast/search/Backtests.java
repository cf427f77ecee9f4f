package automl4j.forecast.search;

import automl4j.forecast.backtest.BacktestPlan;
import automl4j.forecast.backtest.Window;
import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest windows of every series laid out as one flat array of scored points (series by series, window by
 * window, step by step), with what the loss needs at each point: the actual value, the window's error scale and the
 * point's weight. A point's weight is {@code 1 / (windows of its series x horizon x series with windows)}, so that the
 * weighted mean absolute scaled error ({@link ForecastMetric#of}) is the mean over series of their mean backtest MASE:
 * every series counts the same, as in the collection's score.
 */
final class Backtests {
    final int horizon;
    final List<List<Window>> windows;
    /** Index of each series' first point. */
    final int[] offsets;
    final double[] actual;
    final double[] scale;
    final double[] weight;
    final int seriesWithWindows;

    Backtests(List<SeriesHistory> series, BacktestPlan plan, int period) {
        this.horizon = plan.horizon();
        this.windows = new ArrayList<>(series.size());
        this.offsets = new int[series.size() + 1];
        int points = 0;
        int withWindows = 0;
        for (int s = 0; s < series.size(); s++) {
            List<Window> w = plan.windows(series.get(s).length());
            windows.add(w);
            offsets[s] = points;
            points += w.size() * horizon;
            if (!w.isEmpty()) {
                withWindows++;
            }
        }
        offsets[series.size()] = points;
        this.seriesWithWindows = withWindows;
        this.actual = new double[points];
        this.scale = new double[points];
        this.weight = new double[points];
        for (int s = 0; s < series.size(); s++) {
            double[] y = series.get(s).values();
            List<Window> w = windows.get(s);
            for (int k = 0; k < w.size(); k++) {
                Window window = w.get(k);
                double sc = ErrorScale.of(y, window.origin(), period);
                for (int j = 0; j < horizon; j++) {
                    int i = offsets[s] + k * horizon + j;
                    actual[i] = y[window.origin() + j];
                    scale[i] = sc;
                    weight[i] = 1.0 / (w.size() * (double) horizon * withWindows);
                }
            }
        }
    }

    int points() {
        return actual.length;
    }
}
