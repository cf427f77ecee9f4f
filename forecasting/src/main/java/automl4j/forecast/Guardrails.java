package automl4j.forecast;

import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * The data problems of a collection of series that change what can be fitted, reported before the search: series too
 * short for seasonal models, constant series, series with zero or negative values (no multiplicative models), and
 * histories shorter than the horizon.
 */
final class Guardrails {
    private Guardrails() {
    }

    static List<String> check(List<SeriesHistory> series, int period, int horizon) {
        List<String> out = new ArrayList<>();
        List<String> shortSeasonal = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<String> nonPositive = new ArrayList<>();
        List<String> shorterThanHorizon = new ArrayList<>();
        for (SeriesHistory h : series) {
            double[] y = h.values();
            if (period > 1 && y.length < 2 * period) {
                shortSeasonal.add(h.id());
            }
            boolean same = true;
            boolean positive = true;
            for (double v : y) {
                same &= v == y[0];
                positive &= v > 0;
            }
            if (same) {
                constant.add(h.id());
            }
            if (!positive) {
                nonPositive.add(h.id());
            }
            if (y.length < horizon) {
                shorterThanHorizon.add(h.id());
            }
        }
        add(out, shortSeasonal, "shorter than two seasons (" + 2 * period + " values): no seasonal model can be fitted to them");
        add(out, constant, "constant: every model forecasts the constant");
        add(out, nonPositive, "with zero or negative values: multiplicative models are not used for them");
        add(out, shorterThanHorizon, "with a history shorter than the horizon of " + horizon + ": their forecasts reach "
                + "further ahead than their history goes back");
        return out;
    }

    private static void add(List<String> out, List<String> ids, String what) {
        if (ids.isEmpty()) {
            return;
        }
        String names = ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + ", ...";
        out.add(ids.size() + " series " + what + " (" + names + ")");
    }
}
