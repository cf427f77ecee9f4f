package automl4j;

import automl4j.featurize.FeaturizationReport;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import java.util.Objects;

/**
 * The result of {@link AutoMl#fit}: the leaderboard, the best pipeline refitted on all rows, and what was found on
 * the way.
 *
 * @param leaderboard    every trial, ranked
 * @param best           the best pipeline, refitted on all training rows
 * @param bestTrial      the leaderboard row of the config that {@code best} was refitted from
 * @param validation     the validation scheme used, such as {@code 5-fold cross-validation}
 * @param report         column kinds, data problems and guardrails found in the training rows
 * @param elapsedSeconds wall time of the whole fit, refit included
 * @param refitSeconds   wall time of the final refit
 */
public record AutoMlRun(Leaderboard leaderboard, AutoMlModel best, TrialResult bestTrial, String validation,
                        FeaturizationReport report, double elapsedSeconds, double refitSeconds) {
    public AutoMlRun {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestTrial, "bestTrial");
    }

    /** The data guardrails: the target's checks, then the featurizer's, each passed, fixed or alert. */
    public java.util.List<automl4j.featurize.Guardrail> guardrails() {
        return report.guardrails();
    }
}
