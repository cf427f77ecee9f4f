package automl4j.forecast.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a series' rolling-origin backtests lie: {@code origins} forecast origins, the last one {@code horizon} values
 * before the end of the history, each earlier one {@code step} values before the next. Every window forecasts the full
 * horizon from the values before its origin and is scored on the {@code horizon} values after it, all inside the
 * history. Origins that would leave fewer than {@code minTraining} values to fit on are dropped, so a short series gets
 * fewer windows, or none when even the last origin is too early.
 *
 * @param horizon     steps each window forecasts, at least 1
 * @param origins     windows wanted per series, at least 1
 * @param step        values between consecutive origins, at least 1
 * @param minTraining fewest values a window fits on, at least 1
 */
public record BacktestPlan(int horizon, int origins, int step, int minTraining) {
    /** Checks the bounds. */
    public BacktestPlan {
        if (horizon < 1 || origins < 1 || step < 1 || minTraining < 1) {
            throw new IllegalArgumentException("horizon, origins, step and minTraining must be >= 1, but were " + horizon
                    + ", " + origins + ", " + step + ", " + minTraining);
        }
    }

    /**
     * The windows of a history of {@code length} values, latest origin first.
     *
     * @param length the history's length
     * @return the windows, possibly none
     */
    public List<Window> windows(int length) {
        List<Window> out = new ArrayList<>(origins);
        for (int k = 0; k < origins; k++) {
            int origin = length - horizon - k * step;
            if (origin < minTraining) {
                break;
            }
            out.add(new Window(origin, horizon));
        }
        return out;
    }
}
