package automl4j.engine;

import automl4j.featurize.FeaturizationReport;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.pipeline.Pipeline;
import java.util.Objects;

/**
 * What one engine fit yields: the leaderboard, the best pipeline refitted on all rows, and what was found on the way.
 * {@code automl4j.AutoMl} turns it into the user's {@code AutoMlRun}.
 *
 * @param leaderboard    every trial, ranked
 * @param best           the best pipeline, refitted on all training rows
 * @param bestTrial      the leaderboard row of the config that {@code best} was refitted from
 * @param validation     the validation scheme used, such as {@code 5-fold cross-validation}
 * @param report         column kinds, data problems and guardrails found in the training rows
 * @param elapsedSeconds wall time of the whole fit, refit included
 * @param refitSeconds   wall time of the final refit
 * @param heldOut        refits of {@code best} on each validation split, for held-out explanations
 * @param interrupted    whether the search ended because its thread was interrupted (the interrupt is held back until
 *                       the caller's own work is done; see {@code AutoMl.fit})
 */
public record EngineResult(Leaderboard leaderboard, Pipeline best, TrialResult bestTrial, String validation,
                           FeaturizationReport report, double elapsedSeconds, double refitSeconds,
                           automl4j.explain.HeldOutFits heldOut, boolean interrupted) {
    /** Checks that the leaderboard, the pipeline and its row are present. */
    public EngineResult {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestTrial, "bestTrial");
        Objects.requireNonNull(heldOut, "heldOut");
    }

    /** A result with no held-out refits ({@link automl4j.explain.HeldOutFits#NONE}). */
    public EngineResult(Leaderboard leaderboard, Pipeline best, TrialResult bestTrial, String validation,
                        FeaturizationReport report, double elapsedSeconds, double refitSeconds) {
        this(leaderboard, best, bestTrial, validation, report, elapsedSeconds, refitSeconds, automl4j.explain.HeldOutFits.NONE, false);
    }

    /** This result with {@code fits} as its held-out refits. */
    EngineResult withHeldOut(automl4j.explain.HeldOutFits fits) {
        return new EngineResult(leaderboard, best, bestTrial, validation, report, elapsedSeconds, refitSeconds, fits, interrupted);
    }

    /** This result of a search its thread interrupted. */
    EngineResult asInterrupted() {
        return new EngineResult(leaderboard, best, bestTrial, validation, report, elapsedSeconds, refitSeconds, heldOut, true);
    }
}
