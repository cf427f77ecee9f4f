package automl4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnsembleBuilderTest {
    private static final double[] TRUTH = {1, 2, 3, 4, 5, 6};
    private static final Target TARGET = new Target("y", new Regression());

    private static PreparedSplit holdout() {
        FeatureMatrix x = FeatureMatrix.of(new float[TRUTH.length], TRUTH.length, List.of("f"));
        return new PreparedSplit(new TrainingSet(x, Labels.of(TRUTH), TARGET), x, Labels.of(TRUTH));
    }

    private static TrialResult result(int id, TrialOutcome outcome) {
        return new TrialResult(new Trial(id, Config.of("x", Map.of()), id), outcome);
    }

    private static float[] shifted(double by) {
        float[] p = new float[TRUTH.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (TRUTH[i] + (i % 2 == 0 ? by : -by));
        }
        return p;
    }

    /**
     * Issue 14: an in-process fit abandoned at the search end (cancelled) finished later and handed the pool its
     * predictions, the best of all; the ensemble's refit plan then asked that trial for its fit time and threw
     * NullPointerException ("TrialResult.completed() is null").
     */
    @Test
    void aCancelledTrialWhosePredictionsReachedThePoolIsNoCandidate() {
        List<TrialResult> results = List.of(
                result(0, new TrialOutcome.Completed(1.0, 0, 0.5, 1, "cpu")),
                result(1, new TrialOutcome.Completed(1.0, 0, 0.5, 1, "cpu")),
                result(2, new TrialOutcome.Cancelled()),
                result(3, new TrialOutcome.TimedOut(3)));
        ValidationPool pool = new ValidationPool(40, 3);
        pool.offer(0, "x", 1.0, shifted(1));
        pool.offer(1, "x", 1.0, shifted(-1));     // the mean of 0 and 1 is exact
        pool.offer(2, "x", 0.5, shifted(0.5));    // the best single trial, but it was cancelled
        pool.offer(3, "x", 0.5, shifted(-0.5));   // with 2 exact, but it timed out
        EnsembleBuilder builder = new EnsembleBuilder(List.of(holdout()), Metrics.rmse(), new Regression(), 50);

        Optional<EnsembleBuilder.Plan> plan = builder.build(pool.entries(), results,
                r -> 1.5 * r.completed().fitSeconds() + 0.3,   // the engine's refit estimate at scale 1
                100, 1, System.nanoTime() + 5_000_000_000L);

        assertThat(plan).isPresent();
        assertThat(plan.get().members()).extracting(r -> r.trial().id()).containsExactlyInAnyOrder(0, 1);
        assertThat(plan.get().row().completed().score()).isLessThan(1e-6);
    }

    @Test
    void completedEntriesKeepsOnlyTrialsThatCompleted() {
        List<TrialResult> results = List.of(result(0, new TrialOutcome.Completed(1.0, 0, 0.5, 1, "cpu")),
                result(1, new TrialOutcome.Pruned(2.0, List.of(2.0), 0.1)), result(2, new TrialOutcome.Failed("boom", 0.1)));
        ValidationPool pool = new ValidationPool(40, 3);
        for (int id = 0; id < 3; id++) {
            pool.offer(id, "x", id, shifted(id));
        }
        pool.offer(7, "x", 0.5, shifted(0.5));   // a trial id the results do not hold
        assertThat(EnsembleBuilder.completedEntries(pool.entries(), results)).extracting(ValidationPool.Entry::trialId)
                .containsExactly(0);
    }
}
