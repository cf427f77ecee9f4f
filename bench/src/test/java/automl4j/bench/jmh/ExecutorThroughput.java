package automl4j.bench.jmh;

import automl4j.AutoMl;
import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.searchers.random.RandomSearcher;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the trial executor: a run of {@value #TRIALS} trials of a learner whose every fit keeps one core busy
 * for {@code fitMillis} ms, on {@code slots} slots, with the random searcher and no ensemble, on 3,000 rows (a holdout:
 * one fit per trial). The score is milliseconds per run. With {@code fitMillis=0} the fit returns at once, so the
 * score divided by {@value #TRIALS} bounds what the engine spends per trial besides the fit (proposal, scheduling,
 * prediction and scoring of the 600 validation rows, journal-free). Throughput ratio of 2 to 1 slots at
 * {@code fitMillis=50}: score(slots=1) / score(slots=2). Run with {@code bench/jmh.sh ExecutorThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExecutorThroughput {
    static final int TRIALS = 200;

    @Param({"1", "2"})
    public int slots;

    @Param({"0", "50"})
    public int fitMillis;

    private TaskData data;
    private AutoMl automl;

    @Setup
    public void setUp() {
        data = TaskData.of(DefaultDataset.generate(3000, 1), DefaultDataset.TARGET);
        automl = AutoMl.builder().seed(1).budget(Budget.ofTrials(TRIALS)).learners(List.of(new FixedCost(fitMillis)))
                .searcher(new RandomSearcher()).portfolio(Portfolio.none()).ensembleRounds(0).pruning(false).cores(slots).build();
    }

    @Benchmark
    public Object run() {
        return automl.fit(data);
    }

    /** Spins one core for a fixed time per fit and predicts the training base rate. */
    static final class FixedCost implements Learner {
        private final long nanos;

        FixedCost(int millis) {
            this.nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public String id() {
            return "fixed-cost";
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of(new IntParam("k", 1, 1000, false));
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            double positive = 0;
            for (int i = 0; i < data.size(); i++) {
                positive += data.labels().get(i);
            }
            double rate = positive / Math.max(1, data.size());
            List<String> classes = data.target().classes();
            return new FittedModel() {
                @Override
                public Predictions predict(FeatureMatrix features) {
                    double[][] p = new double[features.rows()][];
                    Arrays.setAll(p, i -> new double[] {1 - rate, rate});
                    return Predictions.ofProbabilities(new Classification(classes), classes, p);
                }

                @Override
                public ModelArtifact export() {
                    return new ModelArtifact("fixed-cost", "rate", Map.of("rate", Double.toString(rate)), new byte[0]);
                }
            };
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("benchmark learner");
        }
    }
}
