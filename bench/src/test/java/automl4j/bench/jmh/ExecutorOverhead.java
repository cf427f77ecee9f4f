package automl4j.bench.jmh;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.execute.InProcessRunner;
import automl4j.execute.PredictionSink;
import automl4j.execute.PreparedSplit;
import automl4j.execute.Pruning;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialEvaluator;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialTask;
import automl4j.execute.WorkerRunner;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The executor's own cost per trial, apart from the search around it: one trial of a learner whose fit returns at
 * once, on one split of 20 training and 10 validation rows, evaluated
 * <ul>
 *   <li>{@code direct}: by calling the evaluator on the benchmark thread (the trial's own work: fit, predict, score);</li>
 *   <li>{@code in_process}: through {@link InProcessRunner} (a fresh single-thread pool per trial, as the search does);</li>
 *   <li>{@code worker}: through {@link WorkerRunner} (one worker JVM already started and holding the split: the request,
 *   the worker's evaluation and the outcome's JSON back over the loopback socket).</li>
 * </ul>
 * The executor's overhead per trial is a path's time minus {@code direct}. Run with
 * {@code bench/jmh.sh ExecutorOverhead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ExecutorOverhead {
    @Param({"direct", "in_process", "worker"})
    public String path;

    private final Learner learner = new Instant();
    private final Metric metric = Metrics.rocAuc();
    private List<PreparedSplit> splits;
    private TrialEvaluator evaluator;
    private InProcessRunner executor;
    private WorkerRunner workers;
    private TrialTask trial;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Target target = new Target("y", new Classification(List.of("no", "yes")));
        splits = List.of(new PreparedSplit(new TrainingSet(matrix(20), labels(20), target), matrix(10), labels(10)));
        evaluator = new TrialEvaluator(metric);
        SplitStore store = SplitStore.of(splits);
        executor = new InProcessRunner(TrialExecutor.ofCores(1), store, Map.of(Instant.ID, learner), Map.of(metric.id(), metric),
                PredictionSink.NONE);
        trial = new TrialTask(0, Config.of(Instant.ID, Map.of("k", 1)), 1, SplitStore.DEFAULT_KEY, metric.id(),
                new TrialTask.Deadline(Long.MAX_VALUE / 2, TimeUnit.SECONDS.toNanos(60), 0), Pruning.NONE, 1, false);
        if (path.equals("worker")) {
            workers = new WorkerRunner(1, 256, store, PredictionSink.NONE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
        if (workers != null) {
            workers.close();
        }
    }

    @Benchmark
    public Object trial() throws IOException, ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        return switch (path) {
            case "direct" -> evaluator.evaluate(trial, learner, splits, deadline, FitContext.CPU, PredictionSink.NONE);
            case "in_process" -> executor.submit(trial).get();
            case "worker" -> workers.submit(trial).get();
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static FeatureMatrix matrix(int rows) {
        float[] x = new float[rows * 2];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = i % 3;
        }
        return FeatureMatrix.of(x, rows, List.of("a", "b"));
    }

    private static Labels labels(int rows) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
        }
        return Labels.of(y);
    }

    /** Returns at once and predicts 0.5 for every row; public with a no-arg constructor so that a worker can build it. */
    public static final class Instant implements Learner {
        static final String ID = "instant";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of(new IntParam("k", 1, 10, false));
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            List<String> classes = data.target().classes();
            return new FittedModel() {
                @Override
                public Predictions predict(FeatureMatrix features) {
                    double[][] p = new double[features.rows()][];
                    java.util.Arrays.setAll(p, i -> new double[] {0.5, 0.5});
                    return Predictions.ofProbabilities(new Classification(classes), classes, p);
                }

                @Override
                public ModelArtifact export() {
                    return new ModelArtifact(ID, "none", Map.of(), new byte[0]);
                }
            };
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("benchmark learner");
        }
    }
}
