package automl4j.metric;

import java.util.Arrays;

/**
 * Metrics of a ranking of rows by a score: ROC AUC and average precision of one class against the rest. Both sort the
 * arrays they are given in place: callers pass arrays made for the call, and a copy of a million scores is saved.
 */
final class Ranking {
    private Ranking() {
    }

    /**
     * ROC AUC: the chance that a positive row scores above a negative one, ties counting 1/2 (the Mann-Whitney
     * statistic); NaN when either side is empty.
     */
    static double auc(double[] positives, double[] negatives) {
        int nPos = positives.length;
        int nNeg = negatives.length;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        double[] pos = positives;
        double[] neg = negatives;
        // Primitive sorts (a boxed index sort is slow at a million rows) and the Mann-Whitney count: each positive
        // wins over the negatives scored below it and half-wins over those tied with it. Counts are long: nPos * nNeg
        // passes the int range at 46,341 rows of each class.
        Arrays.sort(pos);
        Arrays.sort(neg);
        long below = 0;
        long tied = 0;
        double wins = 0;
        int j = 0;
        for (int i = 0; i < nPos; i++) {
            if (i > 0 && Double.compare(pos[i], pos[i - 1]) == 0) {
                wins += below + tied / 2.0;
                continue;
            }
            while (j < nNeg && Double.compare(neg[j], pos[i]) < 0) {
                j++;
            }
            below = j;
            int k = j;
            while (k < nNeg && Double.compare(neg[k], pos[i]) == 0) {
                k++;
            }
            tied = k - j;
            wins += below + tied / 2.0;
        }
        return wins / ((double) nPos * nNeg);
    }

    /**
     * Average precision, as scikit-learn's {@code average_precision_score}: the precision at each distinct score
     * threshold (from the highest down) weighted by the recall gained there, so rows tied on a score enter together
     * and no interpolation flatters the curve. NaN when no row is positive.
     */
    static double averagePrecision(double[] positives, double[] negatives) {
        int nPos = positives.length;
        if (nPos == 0) {
            return Double.NaN;
        }
        double[] ap = {0};
        long[] previous = {0};
        ScoreThresholds.descending(positives, negatives, (threshold, tp, fp) -> {
            if (tp > previous[0]) {
                ap[0] += (double) (tp - previous[0]) / nPos * ((double) tp / (tp + fp));
                previous[0] = tp;
            }
        });
        return ap[0];
    }
}
