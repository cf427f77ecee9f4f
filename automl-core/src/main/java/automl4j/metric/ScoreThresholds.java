package automl4j.metric;

import java.util.Arrays;

/**
 * Walks the distinct scores of a ranking from the highest down, giving at each the rows scored at or above it: the
 * common step of average precision and of the ROC, precision-recall and gain curves. Rows tied on a score enter
 * together, so nothing depends on the order of ties. Primitive sorts, no boxed index sort: a million rows take
 * milliseconds.
 */
public final class ScoreThresholds {
    private ScoreThresholds() {
    }

    /** What the walk reports at each distinct score. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param threshold the score
         * @param positives positive rows scored at or above it
         * @param negatives negative rows scored at or above it
         */
        void at(double threshold, long positives, long negatives);
    }

    /**
     * Calls {@code step} at each distinct score of {@code positives} and {@code negatives} (the scores of the positive
     * and the negative rows), highest first, through the last row. Sorts both arrays in place: pass arrays
     * made for the call.
     */
    public static void descending(double[] positives, double[] negatives, Step step) {
        Arrays.sort(positives);
        Arrays.sort(negatives);
        int i = positives.length - 1;
        int j = negatives.length - 1;
        long tp = 0;
        long fp = 0;
        while (i >= 0 || j >= 0) {
            double threshold = i < 0 || (j >= 0 && Double.compare(negatives[j], positives[i]) > 0) ? negatives[j] : positives[i];
            while (i >= 0 && Double.compare(positives[i], threshold) == 0) {
                tp++;
                i--;
            }
            while (j >= 0 && Double.compare(negatives[j], threshold) == 0) {
                fp++;
                j--;
            }
            step.at(threshold, tp, fp);
        }
    }
}
