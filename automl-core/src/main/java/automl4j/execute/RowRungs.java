package automl4j.execute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training-fraction fidelity of a trial (successive halving on the number of training rows, as in Hyperband and
 * FLAML's sample-size schedule): on a table whose splits train on many rows, a trial first fits a sample of
 * {@link #FIRST_ROWS} rows of each split's training part, then {@value #FACTOR} times as many per rung, up to all rows,
 * each rung scored on the whole validation part. After each rung but the last it stops, as a
 * {@link TrialOutcome.Pruned} that records the rows it reached, unless its mean loss there is among the best of the
 * trials its proposal could see at that rung: at most the {@value #QUANTILE} quantile of their losses (the best
 * {@code 1/FACTOR}, as successive halving keeps). With no such trial yet at a rung, a trial goes on, except at the
 * first rung while an earlier trial is still pending (see {@link #from(int, List, boolean)}); so the first trial gives
 * a full-fidelity model and the trials beside it the first rung's evidence. A table whose training part has fewer than {@code 2 * FIRST_ROWS} rows has
 * one rung, all rows: there a trial is cheap, and it runs exactly as without this rule.
 *
 * <p>Why these numbers: a fit's cost grows about linearly with its rows, so a rung of {@code 1/FACTOR} of the rows
 * costs about {@code 1/FACTOR} of the next; a stopped trial costs a fraction of a full one, and a promoted one at most
 * {@code 1/(FACTOR-1)} more. {@value #FIRST_ROWS} rows is FLAML's initial sample size and {@value #FACTOR} its
 * multiplier: below that many rows, which config ranks better is mostly noise.
 *
 * @param rows       training rows of each rung (each split fits {@code min(rows, its training rows)}), increasing; the
 *                   last rung means all rows; empty for a trial without rungs
 * @param thresholds per rung, the loss above which a trial stops there, or NaN where it goes on (always NaN at the last)
 */
public record RowRungs(List<Integer> rows, double[] thresholds) {
    /** Training rows of the first rung. */
    public static final int FIRST_ROWS = 10_000;
    /** Growth of the training rows from one rung to the next. */
    public static final int FACTOR = 4;
    /** The quantile of the comparable trials' losses at a rung that a trial must not exceed to go on. */
    static final double QUANTILE = 1.0 / FACTOR;
    /** A trial without rungs: it fits all training rows once. */
    public static final RowRungs NONE = new RowRungs(List.of(), new double[0]);

    /**
     * Checks that the rungs increase and that there is one threshold per rung.
     *
     * @throws IllegalArgumentException if not
     */
    public RowRungs {
        rows = List.copyOf(rows);
        thresholds = thresholds.clone();
        if (thresholds.length != rows.size()) {
            throw new IllegalArgumentException("row rungs need one threshold per rung, but had " + rows.size() + " rungs and "
                    + thresholds.length + " thresholds");
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r) < 1 || (r > 0 && rows.get(r) <= rows.get(r - 1))) {
                throw new IllegalArgumentException("row rungs must be increasing positive row counts, but were " + rows);
            }
        }
    }

    /**
     * The rungs of a split set whose training parts hold {@code trainRows} rows: {@link #FIRST_ROWS}, then
     * {@value #FACTOR} times as many while the rung after them would still be at least twice as many rows, then
     * {@code trainRows}; just {@code [trainRows]} below {@code 2 * FIRST_ROWS}.
     */
    public static List<Integer> schedule(int trainRows) {
        if (trainRows < 1) {
            throw new IllegalArgumentException("training rows must be >= 1, but were " + trainRows);
        }
        List<Integer> out = new ArrayList<>();
        for (long r = FIRST_ROWS; 2 * r <= trainRows; r *= FACTOR) {
            out.add((int) r);
        }
        out.add(trainRows);
        return List.copyOf(out);
    }

    /**
     * The rule of a trial on training parts of {@code trainRows} rows whose proposal saw trials with the rung losses
     * {@code visible} (each trial's mean loss at the rungs it reached, in rung order), when no earlier trial is pending.
     */
    public static RowRungs from(int trainRows, List<double[]> visible) {
        return from(trainRows, visible, false);
    }

    /**
     * The rule of a trial on training parts of {@code trainRows} rows whose proposal saw trials with the rung losses
     * {@code visible} (each trial's mean loss at the rungs it reached, in rung order). {@code earlierPending} says
     * whether some earlier trial is still running or not yet visible: then a trial with nothing to compare with at the
     * first rung stops there (its score there is the evidence the next trials compare with) rather than fitting all
     * rows beside a trial that already does, so only the first trial of a run goes on blind.
     */
    public static RowRungs from(int trainRows, List<double[]> visible, boolean earlierPending) {
        List<Integer> rows = schedule(trainRows);
        if (rows.size() < 2) {
            return NONE;
        }
        double[] thresholds = new double[rows.size()];
        Arrays.fill(thresholds, Double.NaN);
        for (int r = 0; r < rows.size() - 1; r++) {
            List<Double> losses = new ArrayList<>();
            for (double[] v : visible) {
                if (v.length > r && !Double.isNaN(v[r])) {
                    losses.add(v[r]);
                }
            }
            if (!losses.isEmpty()) {
                thresholds[r] = Pruning.quantile(losses, QUANTILE);
            } else if (r == 0 && earlierPending) {
                thresholds[r] = Double.NEGATIVE_INFINITY;
            }
        }
        return new RowRungs(rows, thresholds);
    }

    /** Number of rungs; 0 for {@link #NONE}. */
    public int count() {
        return rows.size();
    }

    /** True if a trial whose mean loss at rung {@code rung} is {@code loss} stops there. */
    public boolean stops(int rung, double loss) {
        return rung < thresholds.length - 1 && !Double.isNaN(thresholds[rung]) && !(loss <= thresholds[rung]);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowRungs r && rows.equals(r.rows) && Arrays.equals(thresholds, r.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * rows.hashCode() + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RowRungs" + rows + " thresholds " + Arrays.toString(thresholds);
    }
}
