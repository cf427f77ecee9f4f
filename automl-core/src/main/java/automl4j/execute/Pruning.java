package automl4j.execute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-fidelity rule for cross-validated trials, a quantile rule over rungs (as Optuna's median pruner, or
 * successive halving): after each rung split {@code r} of {@link #RUNGS}, a trial stops, as
 * {@link TrialOutcome.Pruned}, if its mean loss over splits {@code 0..r} is worse than the {@link #QUANTILES} quantile
 * (the upper quartile after the first split, the median after the second) of the
 * same mean over the trials that reached split {@code r} (completed, or pruned at {@code r} or later), provided there
 * are at least {@value #MIN_TRIALS} of them. Counting pruned trials keeps the median that of all trials rather than of
 * the survivors, which would rise as the search goes on until nearly every trial is stopped. The trials it compares
 * with are those its searcher proposal could see (finished before it was proposed), so pruning,
 * like proposing, does not depend on the order trials finish in. A single holdout split is never pruned; there, XGBoost's
 * early stopping is the low-fidelity stop.
 *
 * @param thresholds per rung, the loss above which a trial stops, or NaN where the rung does not prune
 */
public record Pruning(double[] thresholds) {
    /** Splits after which a trial may stop: after the first, and after the second. */
    static final int[] RUNGS = {0, 1};
    /**
     * Per rung, the quantile of the comparable trials' mean losses above which a trial stops: one split is a noisy
     * estimate, so only the worst quarter stops there; after two, the worse half.
     */
    static final double[] QUANTILES = {0.75, 0.5};
    /** Fewest comparable trials before any trial is stopped. */
    public static final int MIN_TRIALS = 8;
    /** A rule that never stops a trial. */
    public static final Pruning NONE = new Pruning(new double[0]);

    public Pruning {
        thresholds = thresholds.clone();
    }

    /**
     * The rule for a trial whose proposal saw trials with split losses {@code visible} (each as long as the splits the
     * trial was evaluated on), with {@code splits} validation splits in all.
     */
    public static Pruning from(List<double[]> visible, int splits) {
        if (splits < 2) {
            return NONE;
        }
        double[] thresholds = new double[splits];
        Arrays.fill(thresholds, Double.NaN);
        for (int r = 0; r < RUNGS.length; r++) {
            int rung = RUNGS[r];
            if (rung >= splits - 1) {
                continue;
            }
            List<Double> means = new ArrayList<>();
            for (double[] losses : visible) {
                if (losses.length > rung) {
                    means.add(meanOf(losses, rung));
                }
            }
            if (means.size() >= MIN_TRIALS) {
                thresholds[rung] = quantile(means, QUANTILES[r]);
            }
        }
        return new Pruning(thresholds);
    }

    /** The {@code q} quantile of {@code values}, interpolated between neighbours (the median for 0.5). */
    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double at = q * (sorted.size() - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (at - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    /** True if a trial with these split losses so far (splits {@code 0..rung}) should stop after {@code rung}. */
    public boolean stops(double[] lossesSoFar, int rung) {
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
