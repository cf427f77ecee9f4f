package automl4j.ensemble;

import automl4j.data.Task;
import automl4j.execute.PreparedSplit;
import automl4j.internal.Permutations;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Chooses a stacked ensemble ({@link automl4j.pipeline.Stack}) over the kept validation predictions: a level-2 model
 * fitted on the members' out-of-fold predictions. Its leaderboard score is honest in the way a trial's is: the
 * predictions scored on a validation split come from a level-2 model fitted without that split's rows (on the other
 * splits that share no row with it, or, for a single holdout, by an inner cross-fitting of the holdout's rows), so
 * it competes with the single trials and the Caruana ensemble on equal terms.
 */
public final class StackBuilder {
    /** Most members offered to the level-2 model: the best of each learner first, then the best others. */
    static final int CANDIDATES = 8;
    /** Folds of the inner cross-fitting when a split shares rows with every other split (a single holdout). */
    static final int INNER_FOLDS = 5;

    private final List<PreparedSplit> splits;
    private final List<int[]> validRows;
    private final Metric metric;
    private final Task task;

    /**
     * A builder over {@code splits}, whose validation rows (indices into the training table) are {@code validRows}.
     *
     * @throws IllegalArgumentException if the two lists differ in length
     */
    public StackBuilder(List<PreparedSplit> splits, List<int[]> validRows, Metric metric, Task task) {
        if (splits.size() != validRows.size()) {
            throw new IllegalArgumentException(splits.size() + " splits but " + validRows.size() + " lists of validation rows");
        }
        this.splits = List.copyOf(splits);
        this.validRows = List.copyOf(validRows);
        this.metric = metric;
        this.task = task;
    }

    /**
     * The stacked ensemble over {@code pool}, or empty if fewer than two members get a weight. Members whose refits
     * are expected to take longer than {@code secondsForRefit} together are left out, the lightest first, and the
     * level-2 model refitted.
     *
     * @param results      every trial's result, by id (only completed trials are candidates)
     * @param refitSeconds the expected refit time of a trial
     */
    public Optional<EnsembleBuilder.Plan> build(List<ValidationPool.Entry> pool, List<TrialResult> results,
                                                ToDoubleFunction<TrialResult> refitSeconds, double secondsForRefit, long seed) {
        List<ValidationPool.Entry> candidates = candidates(EnsembleBuilder.completedEntries(pool, results));
        double[] y = labels();
        int width = task.predictionWidth();
        while (candidates.size() > 1) {
            double[][] flat = flat(candidates);
            Optional<StackFitter.Fit> fit = StackFitter.fit(flat, y, width);
            if (fit.isEmpty()) {
                return Optional.empty();
            }
            double[] w = fit.get().weights();
            List<Integer> used = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                if (w[c] > 1e-6) {
                    used.add(c);
                }
            }
            if (used.size() < 2) {
                return Optional.empty();
            }
            double seconds = used.stream().mapToDouble(c -> refitSeconds.applyAsDouble(results.get(candidates.get(c).trialId()))).sum();
            if (seconds > secondsForRefit) {
                int lightest = used.stream().min(Comparator.comparingDouble((Integer c) -> w[c])).orElseThrow();
                candidates.remove(lightest);
                continue;
            }
            if (used.size() < candidates.size()) {
                // Refit without the members it gave no weight, so that the model and its score are of the same members.
                List<ValidationPool.Entry> kept = new ArrayList<>();
                used.forEach(c -> kept.add(candidates.get(c)));
                candidates.clear();
                candidates.addAll(kept);
                continue;
            }
            used.sort(Comparator.comparingDouble((Integer c) -> -w[c]).thenComparingInt(c -> c));
            List<TrialResult> members = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double[] normalized = new double[used.size()];
            double sum = used.stream().mapToDouble(c -> w[c]).sum();
            for (int k = 0; k < used.size(); k++) {
                int c = used.get(k);
                members.add(results.get(candidates.get(c).trialId()));
                normalized[k] = w[c] / sum;
                weights.add(normalized[k]);
            }
            double[] scores = nestedScores(flat, y, width, seed);
            TrialResult row = EnsembleBuilder.row(members, weights, scores, results.size(), seed, Map.of("combiner", "stack"));
            return Optional.of(new EnsembleBuilder.Plan(members, weights, row, fit.get().stack()));
        }
        return Optional.empty();
    }

    /** The best entry of each learner, then the best of the rest, up to {@value #CANDIDATES}, best first. */
    static List<ValidationPool.Entry> candidates(List<ValidationPool.Entry> completed) {
        List<ValidationPool.Entry> sorted = new ArrayList<>(completed);
        sorted.sort(Comparator.comparingDouble(ValidationPool.Entry::loss).thenComparingInt(ValidationPool.Entry::trialId));
        List<ValidationPool.Entry> chosen = new ArrayList<>();
        Set<String> learners = new HashSet<>();
        for (ValidationPool.Entry e : sorted) {
            if (chosen.size() < CANDIDATES && learners.add(e.learner())) {
                chosen.add(e);
            }
        }
        for (ValidationPool.Entry e : sorted) {
            if (chosen.size() < CANDIDATES && !chosen.contains(e)) {
                chosen.add(e);
            }
        }
        chosen.sort(Comparator.comparingDouble(ValidationPool.Entry::loss).thenComparingInt(ValidationPool.Entry::trialId));
        return chosen;
    }

    /** The score on each validation split of level-2 predictions fitted without that split's rows. */
    double[] nestedScores(double[][] flat, double[] y, int width, long seed) {
        int[] start = new int[splits.size() + 1];
        for (int s = 0; s < splits.size(); s++) {
            start[s + 1] = start[s] + splits.get(s).valid().rows();
        }
        double[] stacked = new double[start[splits.size()] * width];
        for (int s = 0; s < splits.size(); s++) {
            List<Integer> train = new ArrayList<>();
            for (int o = 0; o < splits.size(); o++) {
                if (o != s && disjoint(validRows.get(o), validRows.get(s))) {
                    for (int r = start[o]; r < start[o + 1]; r++) {
                        train.add(r);
                    }
                }
            }
            int[] own = range(start[s], start[s + 1]);
            if (!train.isEmpty()) {
                predictInto(stacked, flat, y, width, train.stream().mapToInt(Integer::intValue).toArray(), own);
            } else {
                // A single holdout: fold its rows, and predict each fold from a model fitted on the others.
                int[] fold = new int[own.length];
                int[] order = Permutations.of(own.length, new SplittableRandom(seed));
                for (int i = 0; i < fold.length; i++) {
                    fold[order[i]] = i % INNER_FOLDS;
                }
                for (int f = 0; f < INNER_FOLDS; f++) {
                    final int ff = f;
                    int[] fit = java.util.stream.IntStream.range(0, own.length).filter(i -> fold[i] != ff).map(i -> own[i]).toArray();
                    int[] out = java.util.stream.IntStream.range(0, own.length).filter(i -> fold[i] == ff).map(i -> own[i]).toArray();
                    if (out.length > 0 && fit.length > 0) {
                        predictInto(stacked, flat, y, width, fit, out);
                    }
                }
            }
        }
        return new SplitScores(splits, metric, task).of(stacked);
    }

    /** Fits the level-2 model on rows {@code fit} and writes its predictions of rows {@code out} into {@code stacked}. */
    private static void predictInto(double[] stacked, double[][] flat, double[] y, int width, int[] fit, int[] out) {
        double[][] fitFlat = rows(flat, fit, width);
        double[] fitY = new double[fit.length];
        for (int i = 0; i < fit.length; i++) {
            fitY[i] = y[fit[i]];
        }
        double[][] outFlat = rows(flat, out, width);
        Optional<StackFitter.Fit> model = StackFitter.fit(fitFlat, fitY, width);
        double[] predicted;
        if (model.isPresent()) {
            predicted = model.get().stack().combine(outFlat, model.get().weights(), width);
        } else {
            // No usable level-2 model on these rows: their plain average stands in, as a weighted average would.
            double[] equal = new double[flat.length];
            Arrays.fill(equal, 1.0 / flat.length);
            predicted = new automl4j.pipeline.Stack(1, java.util.Collections.nCopies(width, 0.0)).combine(outFlat, equal, width);
        }
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(predicted, i * width, stacked, out[i] * width, width);
        }
    }

    private static double[][] rows(double[][] flat, int[] rows, int width) {
        double[][] out = new double[flat.length][rows.length * width];
        for (int m = 0; m < flat.length; m++) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat[m], rows[i] * width, out[m], i * width, width);
            }
        }
        return out;
    }

    /** The validation labels of every split, concatenated in split order (as the pool's predictions are). */
    private double[] labels() {
        int total = splits.stream().mapToInt(s -> s.valid().rows()).sum();
        double[] y = new double[total];
        int at = 0;
        for (PreparedSplit s : splits) {
            for (int i = 0; i < s.validLabels().size(); i++) {
                y[at++] = s.validLabels().get(i);
            }
        }
        return y;
    }

    private static double[][] flat(List<ValidationPool.Entry> entries) {
        double[][] flat = new double[entries.size()][];
        for (int m = 0; m < entries.size(); m++) {
            float[] p = entries.get(m).predictions();
            flat[m] = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                flat[m][i] = p[i];
            }
        }
        return flat;
    }

    private static boolean disjoint(int[] a, int[] b) {
        Set<Integer> seen = new HashSet<>();
        for (int x : a) {
            seen.add(x);
        }
        for (int x : b) {
            if (seen.contains(x)) {
                return false;
            }
        }
        return true;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }
}
