package automl4j.featurizers;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * Scores how well one column predicts the target on its own, to find columns that leak it (a copy of the target, or a
 * value recorded after the outcome). The column is cut into levels (its categories; numbers and dates into at most
 * {@value #BINS} quantile bins; missing values a level of their own), each level predicts the smoothed target mean of
 * the other folds ({@value #FOLDS}-fold, out of fold), and the predictions are scored: ROC AUC for binary targets (within each fold, averaged), R²
 * for regression (or, for a numeric column, the squared correlation with the target when higher, counting missing
 * values as unexplained), and for multiclass targets {@code 1 - error / baseline error}, where the baseline always predicts
 * the most frequent class. A column scoring at least {@value #THRESHOLD} is suspected of leakage.
 * <p>
 * The threshold is set where real, strong features stop: on the public suite the strongest single honest column
 * (mushroom's {@code odor}, whose "none" level mixes both classes) scores 0.988, while a copy of the target with
 * 0.3% of its labels flipped scores above 0.99. A copy with more than about 1% of its labels wrong cannot be told
 * from an honest strong feature by this score. Text columns are not scored: a document is many features.
 * At most {@value #SAMPLE} rows are scored (a fixed sample), which keeps the check cheap on large tables.
 */
final class LeakageDetector {
    static final int BINS = 64;
    static final int FOLDS = 5;
    static final int SAMPLE = 20_000;
    static final double THRESHOLD = 0.99;

    private LeakageDetector() {
    }

    /** The column's single-column score on {@code rows} (NaN when it cannot be scored). */
    static double score(CodedColumn coded, ColumnKind kind, String datePattern, Target target, double[] labels) {
        return score(coded, kind, datePattern, target, labels, SAMPLE);
    }

    /** Like {@link #score(CodedColumn, ColumnKind, String, Target, double[])} on at most {@code maxRows} rows. */
    static double score(CodedColumn coded, ColumnKind kind, String datePattern, Target target, double[] labels, int maxRows) {
        Column<?> column = coded.column;
        int[] rows = coded.tableRows;
        int n = Math.min(rows.length, Math.min(SAMPLE, maxRows));
        int[] pick = sample(rows.length, n);
        int[] level = new int[n];
        double[] numbers = kind == ColumnKind.NUMERIC ? coded.numbers() : null;
        if (kind == ColumnKind.NUMERIC || kind == ColumnKind.DATETIME) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = numbers != null ? numbers[pick[i]] : DateFormats.seconds(column, rows[pick[i]], datePattern);
            }
            binByQuantile(v, level);
        } else if (coded.isTypedNumeric()) {
            Map<Double, Integer> codes = new HashMap<>();
            double[] values = coded.numbers();
            for (int i = 0; i < n; i++) {
                level[i] = codes.computeIfAbsent(values[pick[i]], k -> codes.size());
            }
        } else {
            for (int i = 0; i < n; i++) {
                level[i] = coded.codes[pick[i]] + 1;   // missing (-1) becomes level 0
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels[pick[i]];
        }
        if (target.task() instanceof Classification c && !c.isBinary()) {
            return multiclass(level, y, target.numClasses());
        }
        double binned = oneDimensional(level, y, target.task() instanceof Classification c && c.isBinary());
        if (target.task() instanceof Regression && kind == ColumnKind.NUMERIC) {
            // Quantile bins are coarse on small tables; a linear copy of the target shows in the correlation at once.
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = numbers[pick[i]];
            }
            return Math.max(binned, squaredCorrelation(x, y));
        }
        return binned;
    }

    private static double squaredCorrelation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy * sxy / (sxx * syy) * n / x.length;
    }

    // Evenly spaced rows: deterministic, spans a table sorted in any order, and costs nothing to draw.
    private static int[] sample(int total, int n) {
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = (int) ((long) i * total / n);
        }
        return pick;
    }

    // Bin edges are quantiles of the sorted present values; equal values share a bin, so a column with few distinct
    // numbers keeps them all apart; missing is bin 0.
    private static void binByQuantile(double[] v, int[] level) {
        double[] sorted = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        double[] edges = new double[BINS];
        int count = 0;
        for (int b = 1; b < BINS; b++) {
            double edge = sorted[(int) ((long) b * sorted.length / BINS)];
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                level[i] = 0;
            } else {
                int k = Arrays.binarySearch(edges, 0, count, v[i]);
                level[i] = 1 + (k >= 0 ? k + 1 : -k - 1);
            }
        }
    }

    private static int[] folds(int n) {
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = Folds.of(i, 0xF01DL, FOLDS);
        }
        return fold;
    }

    private static int levels(int[] level) {
        int max = 0;
        for (int l : level) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    private static double oneDimensional(int[] level, double[] y, boolean binary) {
        int n = y.length;
        int[] fold = folds(n);
        int levels = levels(level);
        double[][] sum = new double[FOLDS][levels];
        double[][] count = new double[FOLDS][levels];
        double[] foldSum = new double[FOLDS];
        double total = 0;
        for (int i = 0; i < n; i++) {
            sum[fold[i]][level[i]] += y[i];
            count[fold[i]][level[i]]++;
            foldSum[fold[i]] += y[i];
            total += y[i];
        }
        double[] levelSum = new double[levels];
        double[] levelCount = new double[levels];
        for (int f = 0; f < FOLDS; f++) {
            for (int l = 0; l < levels; l++) {
                levelSum[l] += sum[f][l];
                levelCount[l] += count[f][l];
            }
        }
        int[] foldSize = new int[FOLDS];
        for (int f : fold) {
            foldSize[f]++;
        }
        double[] prediction = new double[n];
        for (int i = 0; i < n; i++) {
            int f = fold[i];
            int l = level[i];
            double prior = (total - foldSum[f]) / Math.max(1, n - foldSize[f]);
            prediction[i] = (levelSum[l] - sum[f][l] + prior) / (levelCount[l] - count[f][l] + 1);
        }
        return binary ? foldAuc(prediction, y, fold) : r2(prediction, y);
    }

    // AUC within each fold, averaged: predictions of different folds come from different statistics, and pooling them
    // would rank rows of one level against each other by fold noise.
    private static double foldAuc(double[] prediction, double[] y, int[] fold) {
        double sum = 0;
        int counted = 0;
        for (int f = 0; f < FOLDS; f++) {
            int size = 0;
            for (int v : fold) {
                if (v == f) {
                    size++;
                }
            }
            double[] p = new double[size];
            double[] t = new double[size];
            int k = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    p[k] = prediction[i];
                    t[k++] = y[i];
                }
            }
            double a = auc(p, t);
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    private static double multiclass(int[] level, double[] y, int classes) {
        int n = y.length;
        int[] fold = folds(n);
        int levels = levels(level);
        int[][][] count = new int[FOLDS][levels][classes];
        int[][] levelCount = new int[levels][classes];
        int[] classCount = new int[classes];
        for (int i = 0; i < n; i++) {
            count[fold[i]][level[i]][(int) y[i]]++;
            levelCount[level[i]][(int) y[i]]++;
            classCount[(int) y[i]]++;
        }
        int errors = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestCount = -1;
            for (int c = 0; c < classes; c++) {
                // Ties and empty levels fall back to the overall class frequency.
                double v = levelCount[level[i]][c] - count[fold[i]][level[i]][c] + classCount[c] * 1e-9;
                if (v > bestCount) {
                    bestCount = v;
                    best = c;
                }
            }
            if (best != (int) y[i]) {
                errors++;
            }
        }
        int majority = Arrays.stream(classCount).max().orElse(0);
        double baseline = (n - majority) / (double) n;
        return baseline == 0 ? Double.NaN : 1 - (errors / (double) n) / baseline;
    }

    /** ROC AUC of {@code score} for labels {@code y} (1 positive), ties counting one half; NaN without both classes. */
    static double auc(double[] score, double[] y) {
        int positives = 0;
        for (double v : y) {
            if (v == 1) {
                positives++;
            }
        }
        int negatives = y.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos[p++] = score[i];
            } else {
                neg[q++] = score[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // For each positive, the negatives below it count 1 and those equal to it one half.
        double wins = 0;
        int below = 0;
        int upTo = 0;
        for (double s : pos) {
            while (below < negatives && neg[below] < s) {
                below++;
            }
            upTo = Math.max(upTo, below);
            while (upTo < negatives && neg[upTo] == s) {
                upTo++;
            }
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double) positives * negatives);
    }

    private static double r2(double[] prediction, double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - prediction[i]) * (y[i] - prediction[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        return ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
    }
}
