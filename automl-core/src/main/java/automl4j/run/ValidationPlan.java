package automl4j.run;

import automl4j.data.Target;
import automl4j.internal.Permutations;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How trials are validated, chosen by data size: up to {@value #REPEATED_CV_MAX_ROWS} rows, stratified 5-fold
 * cross-validation repeated twice with different folds (on so few rows one 5-fold estimate is noisy enough that the
 * best of hundreds of trials is mostly the luckiest; two repeats halve the variance, and pruning keeps the cost of bad
 * trials low); up to {@value #CV_MAX_ROWS} rows, stratified 5-fold cross-validation (a single holdout would be too
 * noisy to rank configs); above, a stratified 80/20 holdout (cross-validation would cost five fits per trial where one
 * split is already reliable). Regression folds are stratified by sorted
 * target. Splits are positions into the rows that have a target.
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

    /** The plan for labels {@code y} of {@code target} (class indexes or values). */
    public static ValidationPlan choose(Target target, double[] y, long seed) {
        int n = y.length;
        int[] fold = assignFolds(target, y, FOLDS, seed);
        if (n <= CV_MAX_ROWS) {
            int repeats = n <= REPEATED_CV_MAX_ROWS ? REPEATS : 1;
            List<Split> splits = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                int[] folds = r == 0 ? fold : assignFolds(target, y, FOLDS, automl4j.internal.Seeds.derive(seed, r));
                for (int k = 0; k < FOLDS; k++) {
                    splits.add(split(folds, k));
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

    // Stratified assignment: rows are grouped by class (or sorted by value), shuffled within a group, and dealt out
    // round-robin, continuing the deal across groups so fold sizes differ by at most one.
    static int[] assignFolds(Target target, double[] y, int k, long seed) {
        int n = y.length;
        SplittableRandom random = new SplittableRandom(seed);
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
        int[] fold = new int[n];
        if (target.task().isClassification()) {
            int offset = random.nextInt(k);
            for (int i = 0; i < n; i++) {
                fold[order[i]] = (i + offset) % k;
            }
        } else {
            // Blocks of k neighbours in target order, each block shuffled over the folds.
            for (int start = 0; start < n; start += k) {
                int[] perm = Permutations.of(k, random);
                for (int j = 0; j < k && start + j < n; j++) {
                    fold[order[start + j]] = perm[j];
                }
            }
        }
        return fold;
    }
}
