package automl4j.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Greedy ensemble selection with replacement (Caruana et al., 2004): starting from the best single candidate, each
 * round adds the candidate whose inclusion gives the lowest loss of the averaged predictions; a candidate may be added
 * many times, and its weight is the share of rounds it was added in. The result is the round with the lowest loss, so
 * it is never worse on the selection data than the best single candidate (the first round). The loss is computed by the caller on the
 * blended validation predictions, so any metric (AUC, log loss, RMSE) and any validation scheme works.
 *
 * <p>Written here rather than taken from a library: none of Tribuo, Smile or XGBoost4J has selection over a pool of
 * already-made predictions, and the algorithm is a dozen lines.
 */
public final class EnsembleSelection {
    private final int rounds;

    /**
     * Selection over {@code rounds} rounds, the first of which picks the best single candidate.
     *
     * @throws IllegalArgumentException if {@code rounds < 1}
     */
    public EnsembleSelection(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, but was " + rounds);
        }
        this.rounds = rounds;
    }

    /**
     * The result of a selection.
     *
     * @param weights one weight per candidate, summing to one; zero for candidates never chosen
     * @param loss    the loss of the weighted blend (the lowest over the rounds)
     * @param losses  the loss after each round, first round first
     */
    public record Result(double[] weights, double loss, double[] losses) {
        public Result {
            weights = weights.clone();
            losses = losses.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public double[] losses() {
            return losses.clone();
        }

        /** Indexes of the candidates with a nonzero weight, in index order. */
        public List<Integer> members() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    /**
     * Selects from {@code candidates}: each is the flattened validation predictions of one model (all of one length;
     * row-major class probabilities, or values). Ties go to the candidate with the lower index, so put better
     * candidates first.
     *
     * @param loss the loss of a blend, lower is better; NaN counts as worst
     * @throws IllegalArgumentException if there is no candidate or the lengths differ
     */
    public Result select(List<float[]> candidates, ToDoubleFunction<double[]> loss) {
        return select(candidates, loss, Long.MAX_VALUE);
    }

    /**
     * Like {@link #select(List, ToDoubleFunction)}, but stops after the round during which {@link System#nanoTime()}
     * passes {@code deadlineNanos} (at least one round always runs).
     */
    public Result select(List<float[]> candidates, ToDoubleFunction<double[]> loss, long deadlineNanos) {
        Objects.requireNonNull(loss, "loss");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("ensemble selection needs at least one candidate");
        }
        int length = candidates.get(0).length;
        for (int c = 1; c < candidates.size(); c++) {
            if (candidates.get(c).length != length) {
                throw new IllegalArgumentException("candidate " + c + " has " + candidates.get(c).length
                        + " predictions, but candidate 0 has " + length);
            }
        }
        double[] sum = new double[length];
        double[] blend = new double[length];
        int[] counts = new int[candidates.size()];
        double[] history = new double[rounds];
        int[] bestCounts = null;
        double bestSoFar = Double.POSITIVE_INFINITY;
        boolean unbounded = deadlineNanos == Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            if (round > 0 && !unbounded && System.nanoTime() - deadlineNanos > 0) {
                history = Arrays.copyOf(history, round);
                break;
            }
            int bestCandidate = -1;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int c = 0; c < candidates.size(); c++) {
                float[] p = candidates.get(c);
                for (int i = 0; i < length; i++) {
                    blend[i] = (sum[i] + p[i]) / (round + 1);
                }
                double l = loss.applyAsDouble(blend);
                if (!Double.isNaN(l) && l < bestLoss) {
                    bestLoss = l;
                    bestCandidate = c;
                }
            }
            if (bestCandidate < 0) {
                if (round == 0) {
                    throw new IllegalArgumentException("every candidate's loss is NaN");
                }
                history = Arrays.copyOf(history, round);
                break;
            }
            float[] chosen = candidates.get(bestCandidate);
            for (int i = 0; i < length; i++) {
                sum[i] += chosen[i];
            }
            counts[bestCandidate]++;
            history[round] = bestLoss;
            if (bestLoss < bestSoFar) {
                bestSoFar = bestLoss;
                bestCounts = counts.clone();
            }
        }
        int total = Arrays.stream(bestCounts).sum();
        double[] weights = new double[bestCounts.length];
        for (int c = 0; c < bestCounts.length; c++) {
            weights[c] = bestCounts[c] / (double) total;
        }
        return new Result(weights, bestSoFar, history);
    }
}
