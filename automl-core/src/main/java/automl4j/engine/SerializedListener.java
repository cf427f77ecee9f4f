package automl4j.engine;

import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.util.Objects;

/**
 * A {@link RunListener} whose calls never overlap: the trial runner reports from its own threads (a trial waiting for
 * memory, GPUs switched off) while the search thread reports trials, and listeners such as the command line's progress
 * printer are not thread-safe.
 */
final class SerializedListener implements RunListener {
    private final RunListener inner;

    SerializedListener(RunListener inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public synchronized void trialStarted(Trial trial, double elapsedSeconds) {
        inner.trialStarted(trial, elapsedSeconds);
    }

    @Override
    public synchronized void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        inner.trialFinished(result, best, elapsedSeconds);
    }

    @Override
    public synchronized void newBest(TrialResult best, double elapsedSeconds) {
        inner.newBest(best, elapsedSeconds);
    }

    @Override
    public synchronized void info(String message) {
        inner.info(message);
    }
}
