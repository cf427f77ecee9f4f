package automl4j.leaderboard;

import automl4j.execute.TrialOutcome;
import java.util.Objects;

/**
 * A trial and how it ended.
 *
 * @param trial   the trial
 * @param outcome its outcome
 */
public record TrialResult(Trial trial, TrialOutcome outcome) {
    public TrialResult {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The completed outcome, or null. */
    public TrialOutcome.Completed completed() {
        return outcome instanceof TrialOutcome.Completed c ? c : null;
    }
}
