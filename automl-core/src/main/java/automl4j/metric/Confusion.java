package automl4j.metric;

import automl4j.learn.Labels;
import automl4j.learn.Predictions;

/**
 * The confusion counts of a classification: rows by true class and by predicted class (the most probable one). A
 * true label the model does not know (index outside its classes) gets a class of its own that is never predicted, so
 * such rows count as errors, as in {@link Metrics#accuracy()}.
 */
final class Confusion {
    private final long[][] counts;   // [true][predicted]
    private final long[] truePerClass;
    private final long[] predictedPerClass;
    private final long correct;
    private final long rows;

    private Confusion(long[][] counts) {
        this.counts = counts;
        int k = counts.length;
        truePerClass = new long[k];
        predictedPerClass = new long[k];
        long c = 0;
        long n = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                truePerClass[t] += counts[t][p];
                predictedPerClass[p] += counts[t][p];
                n += counts[t][p];
            }
            c += counts[t][t];
        }
        correct = c;
        rows = n;
    }

    static Confusion of(Labels truth, Predictions predictions) {
        int known = predictions.classes().size();
        long[][] counts = new long[known + 1][known + 1];
        for (int i = 0; i < truth.size(); i++) {
            double y = truth.get(i);
            int t = y >= 0 && y < known && y == Math.rint(y) ? (int) y : known;
            counts[t][predictions.labelIndex(i)]++;
        }
        return new Confusion(counts);
    }

    /** F1 of class {@code k}: 2TP / (2TP + FP + FN), 0 when the class is neither true nor predicted anywhere. */
    double f1(int k) {
        long tp = counts[k][k];
        long denominator = truePerClass[k] + predictedPerClass[k];
        return denominator == 0 ? 0 : 2.0 * tp / denominator;
    }

    /** Mean F1 over the classes that are true or predicted in some row, unweighted ({@code average='macro'}). */
    double macroF1() {
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < counts.length; k++) {
            if (truePerClass[k] + predictedPerClass[k] > 0) {
                sum += f1(k);
                classes++;
            }
        }
        return sum / classes;
    }

    /** F1 per class weighted by its number of true rows ({@code average='weighted'}). */
    double weightedF1() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += truePerClass[k] * f1(k);
        }
        return sum / rows;
    }

    /** Mean recall over the classes that are true in some row. */
    double balancedAccuracy() {
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < counts.length; k++) {
            if (truePerClass[k] > 0) {
                sum += (double) counts[k][k] / truePerClass[k];
                classes++;
            }
        }
        return sum / classes;
    }

    /**
     * Matthews correlation coefficient in its multiclass form (Gorodkin 2004, as scikit-learn computes it), which is
     * the usual (TP*TN - FP*FN) / sqrt(...) for two classes; 0 when every row is true of, or predicted as, one class.
     */
    double mcc() {
        double s = rows;
        double tp = 0;
        double tt = 0;
        double pp = 0;
        for (int k = 0; k < counts.length; k++) {
            tp += (double) truePerClass[k] * predictedPerClass[k];
            tt += (double) truePerClass[k] * truePerClass[k];
            pp += (double) predictedPerClass[k] * predictedPerClass[k];
        }
        double covariance = correct * s - tp;
        double denominator = Math.sqrt((s * s - tt) * (s * s - pp));
        return denominator == 0 ? 0 : covariance / denominator;
    }
}
