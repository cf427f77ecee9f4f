package automl4j.data;

import automl4j.internal.Permutations;
import automl4j.internal.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How trials are validated, chosen by data size: up to {@value #REPEATED_CV_MAX_ROWS} rows, stratified 5-fold
 * cross-validation repeated twice with different folds (on so few rows one 5-fold estimate is noisy enough that the
 * best of hundreds of trials is mostly the luckiest; two repeats halve the variance, and pruning keeps the cost of bad
 * trials low); up to {@value #CV_MAX_ROWS} rows, stratified 5-fold cross-validation (a single holdout would be too
 * noisy to rank configs); above, a stratified 80/20 holdout (cross-validation would cost five fits per trial where one
 * split is already reliable). How rows are dealt into folds is the task's: by class
 * ({@link #foldsByClass}) or by sorted value ({@link #foldsByValue}); each task picks in {@link Task#validation}.
 * Splits are positions into the rows that have a target.
 *
 * @param description human-readable scheme, such as {@code 5-fold cross-validation}
 * @param splits      the train/validation splits
 */
public record ValidationPlan(String description, List<Split> splits) {
    /** Largest row count validated by cross-validation. */
    public static final int CV_MAX_ROWS = 2000;
    /** Largest row count validated by repeated cross-validation. */
    public static final int REPEATED_CV_MAX_ROWS = 500;
    /** Repeats of the cross-validation of small data. */
    public static final int REPEATS = 2;
    /** Folds of the cross-validation; the holdout is one of them. */
    public static final int FOLDS = 5;

    public ValidationPlan {
        splits = List.copyOf(splits);
    }

    /**
     * One split.
     *
     * @param train positions used for fitting
     * @param valid positions used for scoring
     */
    public record Split(int[] train, int[] valid) {
        public Split {
            train = train.clone();
            valid = valid.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] valid() {
            return valid.clone();
        }
    }

    /**
     * Deals rows into {@code k} folds: the fold of each position of {@code y}, from the generator of {@code seed}.
     * A task's way of stratifying.
     */
    @FunctionalInterface
    public interface FoldAssigner {
        /** The fold, in {@code [0, k)}, of each position of {@code y}. */
        int[] assign(double[] y, int k, long seed);
    }

    /**
     * The plan for the encoded target {@code y} by its size (see the class comment), with folds dealt by {@code folds}.
     *
     * @param seed the run seed
     */
    public static ValidationPlan bySize(double[] y, long seed, FoldAssigner folds) {
        int n = y.length;
        int[] fold = folds.assign(y, FOLDS, seed);
        if (n <= CV_MAX_ROWS) {
            int repeats = n <= REPEATED_CV_MAX_ROWS ? REPEATS : 1;
            List<Split> splits = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                int[] foldsOfRepeat = r == 0 ? fold : folds.assign(y, FOLDS, Seeds.derive(seed, r));
                for (int k = 0; k < FOLDS; k++) {
                    splits.add(split(foldsOfRepeat, k));
                }
            }
            return new ValidationPlan(repeats == 1 ? "5-fold cross-validation" : repeats + " x 5-fold cross-validation", splits);
        }
        return new ValidationPlan("80/20 holdout", List.of(split(fold, 0)));
    }

    private static Split split(int[] fold, int k) {
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            (fold[i] == k ? valid : train).add(i);
        }
        return new Split(train.stream().mapToInt(Integer::intValue).toArray(), valid.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Stratified by class: rows are grouped by class (class indexes in {@code y}), shuffled within a class and dealt
     * out round-robin, continuing the deal across classes so fold sizes differ by at most one.
     */
    public static int[] foldsByClass(double[] y, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Integer[] order = shuffledSortedOrder(y, random);
        int[] fold = new int[y.length];
        int offset = random.nextInt(k);
        for (int i = 0; i < order.length; i++) {
            fold[order[i]] = (i + offset) % k;
        }
        return fold;
    }

    /**
     * Stratified by value: rows sorted by {@code y} form blocks of {@code k} neighbours, each block shuffled over the
     * folds, so every fold spans the range of the target.
     */
    public static int[] foldsByValue(double[] y, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Integer[] order = shuffledSortedOrder(y, random);
        int n = order.length;
        int[] fold = new int[n];
        for (int start = 0; start < n; start += k) {
            int[] perm = Permutations.of(k, random);
            for (int j = 0; j < k && start + j < n; j++) {
                fold[order[start + j]] = perm[j];
            }
        }
        return fold;
    }

    // Positions sorted by value, ties in a random order: the first draws of the generator, before any dealing.
    private static Integer[] shuffledSortedOrder(double[] y, SplittableRandom random) {
        int n = y.length;
        Integer[] order = new Integer[n];
        double[] tie = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            tie[i] = random.nextDouble();
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(y[a], y[b]);
            return c != 0 ? c : Double.compare(tie[a], tie[b]);
        });
        return order;
    }
}
