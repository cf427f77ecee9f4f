package automl4j.searchloop;

import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that keeps its delegate's exceptions out of the search: an exception is logged (the first one of each
 * event with its stack trace) and the search goes on. A progress printer or a user's callback that fails must not
 * lose the trials already run.
 */
final class GuardedListener implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger("automl4j.run");

    private final RunListener delegate;
    private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GuardedListener(RunListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void trialStarted(Trial trial, double elapsedSeconds) {
        guard("trialStarted", () -> delegate.trialStarted(trial, elapsedSeconds));
    }

    @Override
    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        guard("trialFinished", () -> delegate.trialFinished(result, best, elapsedSeconds));
    }

    @Override
    public void newBest(TrialResult best, double elapsedSeconds) {
        guard("newBest", () -> delegate.newBest(best, elapsedSeconds));
    }

    @Override
    public void info(String message) {
        guard("info", () -> delegate.info(message));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (reported.add(event)) {
                LOG.warn("run listener {} failed in {}; the search goes on", delegate.getClass().getName(), event, e);
            } else {
                LOG.warn("run listener {} failed in {} again: {}", delegate.getClass().getName(), event, e.toString());
            }
        }
    }
}
