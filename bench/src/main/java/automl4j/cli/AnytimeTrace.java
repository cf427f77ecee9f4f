package automl4j.cli;

import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records the best validation score of a run against elapsed time (an anytime curve): one point per new best trial,
 * and a last point for what the run returned (which may be an ensemble, known only at the end).
 */
final class AnytimeTrace implements RunListener {
    private final List<double[]> points = new ArrayList<>();
    private TrialResult lastBest;

    @Override
    public synchronized void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        if (best != null && best != lastBest) {
            lastBest = best;
            points.add(new double[] {elapsedSeconds, best.completed().score()});
        }
    }

    /** The points as a JSON array of {@code [seconds, score]}, closed by {@code returned} at {@code endSeconds}. */
    synchronized String toJson(double endSeconds, TrialResult returned) {
        StringBuilder sb = new StringBuilder("[");
        for (double[] p : points) {
            sb.append(sb.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "[%.3f,%s]", p[0], Double.toString(p[1])));
        }
        if (returned != null && returned.completed() != null) {
            sb.append(sb.length() > 1 ? "," : "")
                    .append(String.format(Locale.ROOT, "[%.3f,%s]", endSeconds, Double.toString(returned.completed().score())));
        }
        return sb.append(']').toString();
    }
}
