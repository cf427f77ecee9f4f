package automl4j.searchloop;

import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a run through SLF4J (logger {@code automl4j.run}): information messages and new best trials at INFO, trials
 * that failed, ran out of memory or timed out at INFO with their message, every finished trial at DEBUG. Every run
 * logs this way besides its own listener, so an embedding application sees progress in its own logs.
 */
public final class LoggingListener implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger("automl4j.run");

    @Override
    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        TrialOutcome o = result.outcome();
        if (o instanceof TrialOutcome.Failed || o instanceof TrialOutcome.OutOfMemory || o instanceof TrialOutcome.Crashed
                || o instanceof TrialOutcome.TimedOut) {
            LOG.info("trial {} ({}) {} after {} s: {}", result.trial().id(), result.trial().config().learner(), o.status(),
                    String.format(java.util.Locale.ROOT, "%.1f", elapsedSeconds), Leaderboard.detail(o));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("trial {} ({}) {} at {} s", result.trial().id(), result.trial().config(), o.status(),
                    String.format(java.util.Locale.ROOT, "%.1f", elapsedSeconds));
        }
    }

    @Override
    public void newBest(TrialResult best, double elapsedSeconds) {
        LOG.info("new best at {} s: trial {} ({}) scores {}", String.format(java.util.Locale.ROOT, "%.1f", elapsedSeconds),
                best.trial().id(), best.trial().config().learner(), best.completed().score());
    }

    @Override
    public void info(String message) {
        LOG.info(message);
    }
}
