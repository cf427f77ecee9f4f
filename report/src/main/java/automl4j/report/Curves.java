package automl4j.report;

import automl4j.metric.ScoreThresholds;
import java.util.ArrayList;
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

    /** The scores of the positive rows and of the negative rows, as {@link ScoreThresholds} walks them. */
    private record Split(double[] positives, double[] negatives) {
        static Split of(boolean[] positive, double[] score) {
            int p = 0;
            for (boolean b : positive) {
                p += b ? 1 : 0;
            }
            double[] pos = new double[p];
            double[] neg = new double[positive.length - p];
            int a = 0;
            int b = 0;
            for (int i = 0; i < positive.length; i++) {
                if (positive[i]) {
                    pos[a++] = score[i];
                } else {
                    neg[b++] = score[i];
                }
            }
            return new Split(pos, neg);
        }
    }

    /** ROC: false positive rate against true positive rate at every distinct threshold, from (0, 0) to (1, 1). */
    public static List<Point> roc(boolean[] positive, double[] score) {
        Split s = Split.of(positive, score);
        List<Point> out = new ArrayList<>();
        out.add(new Point(0, 0));
        if (s.positives().length == 0 || s.negatives().length == 0) {
            out.add(new Point(1, 1));
            return out;
        }
        double p = s.positives().length;
        double n = s.negatives().length;
        ScoreThresholds.descending(s.positives(), s.negatives(), (t, tp, fp) -> out.add(new Point(fp / n, tp / p)));
        return out;
    }

    /** Precision-recall: recall against precision at every distinct threshold, highest threshold first. */
    public static List<Point> precisionRecall(boolean[] positive, double[] score) {
        Split s = Split.of(positive, score);
        List<Point> out = new ArrayList<>();
        if (s.positives().length == 0) {
            return out;
        }
        double p = s.positives().length;
        ScoreThresholds.descending(s.positives(), s.negatives(), (t, tp, fp) -> out.add(new Point(tp / p, (double) tp / (tp + fp))));
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
     * evenly spaced fractions (each at the end of a run of tied scores), from (0, 0) to (1, 1). Lift is gain divided by
     * the fraction.
     */
    public static List<Point> gain(boolean[] positive, double[] score, int points) {
        Split s = Split.of(positive, score);
        List<Point> out = new ArrayList<>();
        out.add(new Point(0, 0));
        if (s.positives().length == 0) {
            out.add(new Point(1, 1));
            return out;
        }
        double p = s.positives().length;
        long n = positive.length;
        long[] next = {1};
        ScoreThresholds.descending(s.positives(), s.negatives(), (t, tp, fp) -> {
            long rows = tp + fp;
            if (rows >= next[0] * n / points) {
                out.add(new Point((double) rows / n, tp / p));
                while (next[0] * n / points <= rows && next[0] <= points) {
                    next[0]++;
                }
            }
        });
        return out;
    }
}
