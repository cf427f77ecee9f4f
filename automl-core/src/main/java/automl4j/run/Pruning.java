package automl4j.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-fidelity rule for cross-validated trials, a median rule over rungs (as Optuna's median pruner, or
 * successive halving with a promotion of the better half): after each rung split {@code r} of {@link #RUNGS}, a trial
 * stops, as {@link TrialOutcome.Pruned}, if its mean loss over splits {@code 0..r} is worse than the median of the
 * same mean over the trials it may compare with, provided there are at least {@value #MIN_TRIALS} of them. The
 * trials it compares with are those its searcher proposal could see (finished before it was proposed), so pruning,
 * like proposing, does not depend on the order trials finish in. A single holdout split is never pruned; there, XGBoost's
 * early stopping is the low-fidelity stop.
 *
 * @param thresholds per rung, the loss above which a trial stops, or NaN where the rung does not prune
 */
record Pruning(double[] thresholds) {
    /** Splits after which a trial may stop: after the first, and after the second. */
    static final int[] RUNGS = {0, 1};
    /** Fewest comparable trials before any trial is stopped. */
    static final int MIN_TRIALS = 8;
    /** A rule that never stops a trial. */
    static final Pruning NONE = new Pruning(new double[0]);

    Pruning {
        thresholds = thresholds.clone();
    }

    /**
     * The rule for a trial whose proposal saw the completed trials with split losses {@code visible} (all of one
     * length, the number of validation splits).
     */
    static Pruning from(List<double[]> visible) {
        int splits = visible.isEmpty() ? 0 : visible.get(0).length;
        if (splits < 2) {
            return NONE;
        }
        double[] thresholds = new double[splits];
        Arrays.fill(thresholds, Double.NaN);
        for (int rung : RUNGS) {
            if (rung >= splits - 1) {
                continue;
            }
            List<Double> means = new ArrayList<>();
            for (double[] losses : visible) {
                if (losses.length == splits) {
                    means.add(meanOf(losses, rung));
                }
            }
            if (means.size() >= MIN_TRIALS) {
                means.sort(null);
                int n = means.size();
                thresholds[rung] = n % 2 == 1 ? means.get(n / 2) : (means.get(n / 2 - 1) + means.get(n / 2)) / 2;
            }
        }
        return new Pruning(thresholds);
    }

    /** True if a trial with these split losses so far (splits {@code 0..rung}) should stop after {@code rung}. */
    boolean stops(double[] lossesSoFar, int rung) {
        return rung < thresholds.length && !Double.isNaN(thresholds[rung]) && meanOf(lossesSoFar, rung) > thresholds[rung];
    }

    private static double meanOf(double[] losses, int rung) {
        double sum = 0;
        for (int s = 0; s <= rung; s++) {
            sum += losses[s];
        }
        return sum / (rung + 1);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
