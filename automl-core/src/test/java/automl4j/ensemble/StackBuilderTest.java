package automl4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.execute.PreparedSplit;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import automl4j.metric.Metrics;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stacked ensembles chosen from the validation pool, scored by level-2 models that never saw the scored rows. */
class StackBuilderTest {
    private static final Target TARGET = new Target("y", new Regression());

    private static PreparedSplit split(double[] y) {
        FeatureMatrix x = FeatureMatrix.of(new float[y.length], y.length, List.of("f"));
        return new PreparedSplit(new TrainingSet(x, Labels.of(y), TARGET), x, Labels.of(y));
    }

    private static TrialResult completed(int id, String learner) {
        return new TrialResult(new Trial(id, Config.of(learner, Map.of()), id), new TrialOutcome.Completed(1.0, 0, 0.5, 1, "cpu"));
    }

    /** Five disjoint folds of 200 rows (row ids 0..999 in fold order) and their labels, concatenated. */
    private static double[] labels(SplittableRandom r, int rows) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = r.nextGaussian();
        }
        return y;
    }

    private static List<PreparedSplit> folds(double[] y, int k) {
        List<PreparedSplit> splits = new ArrayList<>();
        int size = y.length / k;
        for (int f = 0; f < k; f++) {
            splits.add(split(java.util.Arrays.copyOfRange(y, f * size, (f + 1) * size)));
        }
        return splits;
    }

    private static List<int[]> foldRows(int rows, int k) {
        List<int[]> out = new ArrayList<>();
        int size = rows / k;
        for (int f = 0; f < k; f++) {
            out.add(java.util.stream.IntStream.range(f * size, (f + 1) * size).toArray());
        }
        return out;
    }

    /**
     * Offers {@code count} members to the pool and the results, member {@code m} predicting {@code signal * y + noise *
     * N(0, 1)} with validation score {@code score}.
     */
    private static void offerMembers(ValidationPool pool, List<TrialResult> results, double[] y, SplittableRandom r, int count,
                                     double signal, double noise, double score) {
        for (int m = 0; m < count; m++) {
            float[] p = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                p[i] = (float) (signal * y[i] + noise * r.nextGaussian());
            }
            pool.offer(m, "learner-" + m, score, p);
            results.add(completed(m, "learner-" + m));
        }
    }

    @Test
    void twoMembersWithIndependentErrorsStackBetterThanEither() {
        SplittableRandom r = new SplittableRandom(2);
        double[] y = labels(r, 1000);
        ValidationPool pool = new ValidationPool(40, 3);
        List<TrialResult> results = new ArrayList<>();
        offerMembers(pool, results, y, r, 2, 1, 0.5, 0.5);
        StackBuilder builder = new StackBuilder(folds(y, 5), foldRows(1000, 5), Metrics.rmse(), new Regression());
        EnsembleBuilder.Plan plan = builder.build(pool.entries(), results, t -> 1, 100, 0).orElseThrow();
        assertThat(plan.stack()).isNotNull();
        assertThat(plan.members()).hasSize(2);
        assertThat(plan.weights().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(plan.row().completed().score()).isLessThan(0.45);   // each member alone: about 0.5
        assertThat(plan.row().trial().config().values()).containsEntry("combiner", "stack");
    }

    @Test
    void membersWithoutSignalGetNoBetterNestedScoreThanTheLabelsSpread() {
        // Eight members of pure noise: fitted on the scored rows, a blend would find spurious weights; fitted without
        // them it cannot beat predicting the mean by more than chance.
        SplittableRandom r = new SplittableRandom(9);
        double[] y = labels(r, 500);
        ValidationPool pool = new ValidationPool(40, 3);
        List<TrialResult> results = new ArrayList<>();
        offerMembers(pool, results, y, r, 8, 0, 1, 1.0);
        double spread = Math.sqrt(java.util.Arrays.stream(y).map(v -> v * v).average().orElseThrow());
        StackBuilder builder = new StackBuilder(folds(y, 5), foldRows(500, 5), Metrics.rmse(), new Regression());
        builder.build(pool.entries(), results, t -> 1, 100, 0)
                .ifPresent(plan -> assertThat(plan.row().completed().score()).isGreaterThan(spread * 0.97));
    }

    @Test
    void aSingleHoldoutIsScoredByInnerCrossFitting() {
        SplittableRandom r = new SplittableRandom(4);
        double[] y = labels(r, 400);
        ValidationPool pool = new ValidationPool(40, 3);
        List<TrialResult> results = new ArrayList<>();
        offerMembers(pool, results, y, r, 3, 1, 0.5, 0.5);
        StackBuilder builder = new StackBuilder(List.of(split(y)), foldRows(400, 1), Metrics.rmse(), new Regression());
        EnsembleBuilder.Plan plan = builder.build(pool.entries(), results, t -> 1, 100, 0).orElseThrow();
        assertThat(plan.row().completed().splitScores()).hasSize(1);
        assertThat(plan.row().completed().score()).isBetween(0.2, 0.45);   // three members: about 0.5 / sqrt(3)
    }

    @Test
    void membersThatDoNotFitTheRefitTimeAreLeftOut() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = labels(r, 500);
        ValidationPool pool = new ValidationPool(40, 3);
        List<TrialResult> results = new ArrayList<>();
        offerMembers(pool, results, y, r, 3, 1, 0.5, 0.5);
        StackBuilder builder = new StackBuilder(folds(y, 5), foldRows(500, 5), Metrics.rmse(), new Regression());
        // Each refit takes 1 s and 2.5 s are left: at most two members.
        EnsembleBuilder.Plan plan = builder.build(pool.entries(), results, t -> 1, 2.5, 0).orElseThrow();
        assertThat(plan.members()).hasSize(2);
    }
}
