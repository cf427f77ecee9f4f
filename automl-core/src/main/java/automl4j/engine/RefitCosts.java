package automl4j.engine;

import automl4j.leaderboard.TrialResult;

/**
 * How long refits on all rows are expected to take, from the trials' fit times on a validation split's training part.
 *
 * @param scale            all rows over a split's training rows, over the number of splits (a trial's fit time is
 *                         summed over its splits)
 * @param featurizeSeconds the expected time to featurize all rows
 */
record RefitCosts(double scale, double featurizeSeconds) {
    /** The costs of a run of {@code problem} featurized as {@code featurized}. */
    static RefitCosts of(Problem problem, Featurized featurized) {
        return new RefitCosts(problem.rows().length / Math.max(1.0, featurized.trainRowsPerSplit()) / problem.plan().splits().size(),
                featurized.seconds());
    }

    /** Seconds reserved for a refit of {@code r}'s config on all rows: {@link Engine#refitEstimate}. */
    double estimate(TrialResult r) {
        return Engine.refitEstimate(r, scale, featurizeSeconds);
    }

    /** Seconds a refit of {@code r}'s config is likely to take, without a margin: {@link Engine#expectedRefitSeconds}. */
    double expected(TrialResult r) {
        return Engine.expectedRefitSeconds(r, scale);
    }
}
