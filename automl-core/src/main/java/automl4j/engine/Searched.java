package automl4j.engine;

import automl4j.leaderboard.TrialResult;
import automl4j.ensemble.ValidationPool;

import java.util.List;

/**
 * The search stage's result.
 *
 * @param results every trial's result, in trial-id order
 * @param pool    the trials' validation predictions kept for ensemble selection (empty unless the run ensembles);
 *                nothing adds to it after the search
 * @param costs   the expected refit times of the trials' configs
 * @param interrupted whether the search ended because its thread was interrupted
 */
record Searched(List<TrialResult> results, ValidationPool pool, RefitCosts costs, boolean interrupted) {
    Searched {
        results = List.copyOf(results);
    }
}
