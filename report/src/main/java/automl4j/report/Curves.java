package automl4j.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The curves of a scored classification, from each row's truth (positive or not) and score: ROC, precision-recall,
 * calibration and cumulative gain. Rows tied on a score enter together, so no curve depends on the order of ties.
 */
public final class Curves {
    private Curves() {
    }

    /** A point of a curve. */
    public record Point(double x, double y) {
    }

    /** A calibration bin: mean predicted probability, observed share of positives, rows. */
    public record Bin(double predicted, double observed, int rows) {
    }

    /** Row indexes by descending score. */
    private static Integer[] byScore(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        return order;
    }

    /** ROC: false positive rate against true positive rate at every distinct threshold, from (0, 0) to (1, 1). */
    public static List<Point> roc(boolean[] positive, double[] score) {
        Counts c = Counts.of(positive);
        List<Point> out = new ArrayList<>();
        out.add(new Point(0, 0));
        if (c.positives == 0 || c.negatives == 0) {
            out.add(new Point(1, 1));
            return out;
        }
        Integer[] order = byScore(score);
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == order.length - 1 || score[order[i + 1]] != score[order[i]]) {
                out.add(new Point((double) fp / c.negatives, (double) tp / c.positives));
            }
        }
        return out;
    }

    /** Precision-recall: recall against precision at every distinct threshold, highest threshold first. */
    public static List<Point> precisionRecall(boolean[] positive, double[] score) {
        Counts c = Counts.of(positive);
        List<Point> out = new ArrayList<>();
        if (c.positives == 0) {
            return out;
        }
        Integer[] order = byScore(score);
        long tp = 0;
        for (int i = 0; i < order.length; i++) {
            tp += positive[order[i]] ? 1 : 0;
            if (i == order.length - 1 || score[order[i + 1]] != score[order[i]]) {
                out.add(new Point((double) tp / c.positives, (double) tp / (i + 1)));
            }
        }
        return out;
    }

    /**
     * Calibration: rows put into {@code bins} equal-width bins of predicted probability; each non-empty bin's mean
     * prediction against its share of positives.
     */
    public static List<Bin> calibration(boolean[] positive, double[] probability, int bins) {
        double[] sum = new double[bins];
        long[] hits = new long[bins];
        int[] rows = new int[bins];
        for (int i = 0; i < positive.length; i++) {
            double p = probability[i];
            if (!Double.isFinite(p)) {
                continue;
            }
            int b = Math.min(bins - 1, Math.max(0, (int) (p * bins)));
            sum[b] += p;
            hits[b] += positive[i] ? 1 : 0;
            rows[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (rows[b] > 0) {
                out.add(new Bin(sum[b] / rows[b], (double) hits[b] / rows[b], rows[b]));
            }
        }
        return out;
    }

    /**
     * Cumulative gain: the share of all positives found in the top fraction of rows by score, at about {@code points}
     * evenly spaced fractions (and at every tie boundary near them), from (0, 0) to (1, 1). Lift is gain divided by the
     * fraction.
     */
    public static List<Point> gain(boolean[] positive, double[] score, int points) {
        Counts c = Counts.of(positive);
        List<Point> out = new ArrayList<>();
        out.add(new Point(0, 0));
        if (c.positives == 0) {
            out.add(new Point(1, 1));
            return out;
        }
        Integer[] order = byScore(score);
        int n = order.length;
        long tp = 0;
        int next = 1;
        for (int i = 0; i < n; i++) {
            tp += positive[order[i]] ? 1 : 0;
            boolean tieEnds = i == n - 1 || score[order[i + 1]] != score[order[i]];
            if (tieEnds && (i + 1) >= (long) next * n / points) {
                out.add(new Point((double) (i + 1) / n, (double) tp / c.positives));
                while ((long) next * n / points <= i + 1 && next <= points) {
                    next++;
                }
            }
        }
        return out;
    }

    private record Counts(long positives, long negatives) {
        static Counts of(boolean[] positive) {
            long p = 0;
            for (boolean b : positive) {
                p += b ? 1 : 0;
            }
            return new Counts(p, positive.length - p);
        }
    }
}
