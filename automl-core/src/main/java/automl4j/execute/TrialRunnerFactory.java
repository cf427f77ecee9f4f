package automl4j.execute;

import automl4j.learn.Learner;
import automl4j.metric.Metric;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the trial runner of one run, in place of the engine's own routing runner (in-process slots and worker
 * processes): the seam through which a run's trials go elsewhere, such as to a Spark cluster
 * ({@code automl4j.spark.SparkTrialRunner} in the automl-spark module). Set with {@code AutoMl.builder().trialRunner(..)};
 * the engine calls {@link #create} once per run, when the search starts, and closes the runner when the search ends.
 * The searcher, journal and leaderboard stay with the engine whatever the runner.
 *
 * <p>The runner must keep the {@link TrialRunner} contract. Its {@link TrialRunner#capacity()} decides how many trials
 * the search keeps running at once; a seed and a max-trials budget give the same leaderboard on any capacity. This
 * interface may still change before 1.0.
 */
@FunctionalInterface
public interface TrialRunnerFactory {
    /**
     * A fresh runner for one run's search.
     *
     * @param context what the engine's own runner would get
     * @return the runner; the engine closes it
     * @throws RuntimeException when the runner cannot start (the run fails with it before any trial)
     */
    TrialRunner create(Context context);

    /**
     * What a run hands its trial runner.
     *
     * @param splits          the featurized split sets that tasks name by key
     * @param learners        the run's learners by id (the engine's instances; a runner elsewhere rebuilds them by id
     *                        through {@link PluginRegistry})
     * @param metrics         the run's metric by id
     * @param sink            receives the validation predictions of the tasks that want them (for ensembles and the
     *                        decision threshold)
     * @param threadsPerTrial threads each trial's learner may use ({@code threads_per_trial}), at least 1
     * @param info            receives one-line notes for the run's log; safe to call from any thread
     */
    record Context(SplitStore splits, Map<String, Learner> learners, Map<String, Metric> metrics, PredictionSink sink,
                   int threadsPerTrial, Consumer<String> info) {
        public Context {
            Objects.requireNonNull(splits, "splits");
            learners = Map.copyOf(learners);
            metrics = Map.copyOf(metrics);
            Objects.requireNonNull(sink, "sink");
            if (threadsPerTrial < 1) {
                throw new IllegalArgumentException("threads per trial must be >= 1, but was " + threadsPerTrial);
            }
            Objects.requireNonNull(info, "info");
        }
    }
}
