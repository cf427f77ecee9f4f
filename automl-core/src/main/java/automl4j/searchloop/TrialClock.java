package automl4j.searchloop;

import automl4j.leaderboard.TrialResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notes when each trial finished, in seconds since the run started, for the anytime curve of the report (best score
 * against time). Thread-safe.
 */
public final class TrialClock implements RunListener {
    private final Map<Integer, Double> finished = new TreeMap<>();

    @Override
    public synchronized void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        finished.put(result.trial().id(), elapsedSeconds);
    }

    /** Trial id to the seconds since the run's start at which it finished, for every trial finished so far. */
    public synchronized Map<Integer, Double> finishedAt() {
        return Map.copyOf(finished);
    }
}
