package automl4j.metric;

import automl4j.data.Task;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Chooses a binary model's decision threshold on its validation predictions: the threshold that scores best under a
 * metric that {@link Metric#usesDecisionThreshold() uses one}, or that costs least at a given ratio of the cost of a
 * false positive to that of a false negative. The candidates are 0.5 and up to {@value #CANDIDATES} quantiles of the
 * predicted probabilities; 0.5 is kept unless another candidate does strictly better.
 */
public final class ThresholdSearch {
    /** Most candidate thresholds tried besides 0.5. */
    public static final int CANDIDATES = 200;

    private ThresholdSearch() {
    }

    /**
     * A chosen threshold.
     *
     * @param threshold the threshold
     * @param value     the metric's score (or the cost per row) there
     * @param atHalf    the same at 0.5
     * @param what      what was optimized, such as {@code f1} or {@code cost at 5 x false positive}
     */
    public record Choice(double threshold, double value, double atHalf, String what) {
        /** One line for logs and reports: {@code f1 0.7120 at 0.5, 0.7480 at 0.3125}. */
        public String describe() {
            return String.format(Locale.ROOT, "%s %.4f at 0.5, %.4f at %.4g", what, atHalf, value, threshold);
        }
    }

    /**
     * The threshold that scores best under {@code metric} for the probabilities {@code p1} of the second class.
     *
     * @param task  the binary task the predictions are of
     * @param truth class indexes, 0 or 1
     */
    public static Choice forMetric(Task task, Labels truth, double[] p1, Metric metric) {
        double[] flat = new double[2 * p1.length];
        for (int i = 0; i < p1.length; i++) {
            flat[2 * i] = 1 - p1[i];
            flat[2 * i + 1] = p1[i];
        }
        Predictions p = Predictions.ofFlat(task, flat);
        double atHalf = metric.score(truth, p.withThreshold(0.5));
        double best = atHalf;
        double bestT = 0.5;
        for (double t : candidates(p1)) {
            double s = metric.score(truth, p.withThreshold(t));
            if (metric.loss(s) < metric.loss(best)) {
                best = s;
                bestT = t;
            }
        }
        return new Choice(bestT, best, atHalf, metric.name());
    }

    /**
     * The threshold with the least {@code ratio * false positives + false negatives}, per row, for the probabilities
     * {@code p1} of the second class (the positive one).
     */
    public static Choice forCost(Labels truth, double[] p1, double ratio) {
        double atHalf = cost(truth, p1, 0.5, ratio);
        double best = atHalf;
        double bestT = 0.5;
        for (double t : candidates(p1)) {
            double c = cost(truth, p1, t, ratio);
            if (c < best) {
                best = c;
                bestT = t;
            }
        }
        return new Choice(bestT, best, atHalf, String.format(Locale.ROOT, "cost per row at %g x the cost of a false positive", ratio));
    }

    private static double cost(Labels truth, double[] p1, double t, double ratio) {
        double c = 0;
        for (int i = 0; i < p1.length; i++) {
            boolean predicted = p1[i] >= t;
            boolean actual = truth.get(i) == 1;
            if (predicted && !actual) {
                c += ratio;
            } else if (!predicted && actual) {
                c += 1;
            }
        }
        return c / Math.max(1, p1.length);
    }

    /** Quantiles of {@code p1} strictly inside (0, 1), without 0.5, in increasing order. */
    static double[] candidates(double[] p1) {
        double[] sorted = Arrays.stream(p1).filter(v -> v > 0 && v < 1).sorted().toArray();
        TreeSet<Double> out = new TreeSet<>();
        int n = sorted.length;
        for (int k = 0; k < Math.min(CANDIDATES, n); k++) {
            out.add(sorted[(int) ((long) k * n / Math.min(CANDIDATES, n))]);
        }
        out.remove(0.5);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
