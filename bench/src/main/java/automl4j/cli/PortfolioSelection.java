package automl4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy portfolio selection over a loss matrix (datasets × candidates, NaN where a candidate could not be scored):
 * each dataset's losses are normalized to [0, 1] (1 for its best candidate, 0 for its worst or unscored), and each
 * step adds the candidate that most raises the mean over datasets of the best normalized score in the portfolio,
 * ties to the lower index. This is the selection of auto-sklearn 2's portfolio (Feurer et al., 2022), without its
 * successive-halving inner loop.
 */
final class PortfolioSelection {
    private PortfolioSelection() {
    }

    /** Normalized scores: per dataset row, 1 for the lowest loss, 0 for the highest; NaN losses score 0. */
    static double[][] normalized(double[][] losses) {
        double[][] out = new double[losses.length][];
        for (int d = 0; d < losses.length; d++) {
            double best = Double.POSITIVE_INFINITY;
            double worst = Double.NEGATIVE_INFINITY;
            for (double v : losses[d]) {
                if (!Double.isNaN(v)) {
                    best = Math.min(best, v);
                    worst = Math.max(worst, v);
                }
            }
            out[d] = new double[losses[d].length];
            for (int c = 0; c < losses[d].length; c++) {
                double v = losses[d][c];
                out[d][c] = Double.isNaN(v) ? 0 : worst == best ? 1 : (worst - v) / (worst - best);
            }
        }
        return out;
    }

    /** Up to {@code size} candidate indexes in the order they were added; stops early when no candidate adds anything. */
    static List<Integer> select(double[][] losses, int size) {
        double[][] score = normalized(losses);
        int candidates = losses.length == 0 ? 0 : losses[0].length;
        double[] covered = new double[losses.length];
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(size, candidates)) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < candidates; c++) {
                if (chosen.contains(c)) {
                    continue;
                }
                double gain = 0;
                for (int d = 0; d < losses.length; d++) {
                    gain += Math.max(0, score[d][c] - covered[d]);
                }
                if (gain > bestGain + 1e-12) {
                    bestGain = gain;
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            chosen.add(best);
            for (int d = 0; d < losses.length; d++) {
                covered[d] = Math.max(covered[d], score[d][best]);
            }
        }
        return chosen;
    }
}
