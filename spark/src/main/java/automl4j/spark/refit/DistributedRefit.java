package automl4j.spark.refit;

import automl4j.AutoMlModel;
import automl4j.execute.TrialEvaluator;
import automl4j.learn.FittedModel;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.pipeline.Pipeline;
import automl4j.spark.ModelBytes;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.RabitTracker;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Refits a model searched on the driver's sample on all rows of a big input. Each XGBoost member is trained across the
 * executors: its fitted featurizer (fitted on the sample, exported in the model file) is applied to each partition on
 * the executors, and a Spark barrier stage of {@code workers} tasks, which all start together, joins one XGBoost
 * collective through a tracker started on the driver (XGBoost4J's own {@code RabitTracker} and {@code Communicator}, as
 * XGBoost4J-Spark does) and trains the member's config on all labelled rows. The booster becomes the member's model
 * through the learner's model-file checks ({@link XgboostLearner#fromBooster}), so the exported file, {@code automl
 * predict}, the scoring library and {@code AutoMlTransformer} read it as any other.
 *
 * <p>Rounds: on {@value #MIN_ROWS_TO_RETUNE} rows or more, the rounds are re-tuned on all rows: every
 * {@value #HOLDOUT_PERIOD}th row is held out and the fit boosts up to {@value #ROUNDS_FACTOR} times the sample's rounds,
 * stopping early on the held-out loss as the learner's fits do (a configuration's best rounds grow with the rows:
 * in the refit benchmark a depth-3 model at learning rate 0.065 chosen with 434 rounds on a 50,000-row sample scored
 * test AUC 0.747 with them on 1,000,000 rows, 0.768 with 1,000). The model then predicts with the rounds kept and was
 * trained on the other 95 % of the rows. On fewer rows, or with {@link Builder#retuneRounds(boolean)} off, the
 * member trains the sample's rounds (as the search's early stopping chose them) on every row.
 *
 * <p>Learners refitted distributed: {@code xgboost} only. Every other learner (LightGBM, Tribuo's and Smile's
 * models, the linear and baseline learners) keeps its fit on the sample, which the engine made on all sampled rows,
 * and the result says so: none of them trains across processes here. An ensemble keeps its weights, stack and decision
 * threshold, which were chosen on the sample's out-of-fold predictions, with its XGBoost members replaced.
 *
 * <p>Needs {@code workers} free task slots at once (a barrier stage starts all its tasks or none): the default is every
 * slot of the cluster ({@code defaultParallelism} over {@code spark.task.cpus}); each task trains with
 * {@code spark.task.cpus} threads.
 */
public final class DistributedRefit {
    /** The learners whose members are trained on all rows across the executors. */
    public static final Set<String> DISTRIBUTED_LEARNERS = Set.of("xgboost");
    /** Rows from which the rounds are re-tuned on a hold-out: it then has at least 1,000 rows. */
    public static final long MIN_ROWS_TO_RETUNE = 20_000;
    /** Every this-many-th row of a partition is held out to re-tune the rounds (5 %). */
    public static final int HOLDOUT_PERIOD = 20;
    /** Re-tuned rounds go up to this many times the sample's. */
    public static final int ROUNDS_FACTOR = 3;

    private final SparkSession spark;
    private final int workers;
    private final long seed;
    private final int trackerTimeoutSeconds;
    private final boolean retuneRounds;
    private final Consumer<String> log;

    private DistributedRefit(Builder b) {
        this.spark = b.spark;
        this.retuneRounds = b.retuneRounds;
        this.workers = b.workers;
        this.seed = b.seed;
        this.trackerTimeoutSeconds = b.trackerTimeoutSeconds;
        this.log = b.log;
    }

    /** A refit on the executors of {@code spark}. */
    public static Builder builder(SparkSession spark) {
        return new Builder(spark);
    }

    /** True if members of learner {@code learnerId} are refitted on all rows across the executors. */
    public static boolean refitsDistributed(String learnerId) {
        return DISTRIBUTED_LEARNERS.contains(learnerId);
    }

    /**
     * The final model of {@code sampleModel} (searched and refitted on a sample of {@code rows}) with its XGBoost members
     * trained on all labelled rows of {@code rows}.
     *
     * @param sampleModel the run's best model, fitted on the sample
     * @param rows        all rows: the model's input columns and its target (other columns are ignored)
     * @throws IllegalArgumentException if a column the model reads, or its target, is not in {@code rows}
     * @throws IllegalStateException    if the cluster has fewer task slots than the refit's workers, or XGBoost fails
     */
    public RefitResult refit(AutoMlModel sampleModel, Dataset<Row> rows) {
        Objects.requireNonNull(sampleModel, "sampleModel");
        Objects.requireNonNull(rows, "rows");
        long start = System.nanoTime();
        Pipeline pipeline = sampleModel.pipeline();
        List<Pipeline.Member> members = pipeline.members();
        boolean any = members.stream().anyMatch(m -> refitsDistributed(m.config().learner()));
        List<MemberRefit> refits = new ArrayList<>();
        if (!any) {
            members.forEach(m -> refits.add(onSample(m)));
            RefitResult r = new RefitResult(sampleModel, refits, (System.nanoTime() - start) / 1e9);
            log.accept(r.summary());
            return r;
        }
        int n = workersFor(spark);
        Dataset<Row> selected = rows.select(columnsOf(pipeline, rows));
        // Counted only to re-tune (Parquet counts from its footers); each partition must hold out rows too, for every
        // rank's loss to be defined.
        int period = retuneRounds && selected.count() >= Math.max(MIN_ROWS_TO_RETUNE, 4L * HOLDOUT_PERIOD * n)
                ? HOLDOUT_PERIOD : 0;
        Dataset<Row> input = selected.repartition(n);
        byte[] file = ModelBytes.of(pipeline);
        Broadcast<byte[]> shared = spark.sparkContext().broadcast(file, classTag(byte[].class));
        List<Pipeline.Member> refitted = new ArrayList<>();
        Map<String, String> info = new TreeMap<>(pipeline.info());
        long allRows = -1;
        try {
            for (int i = 0; i < members.size(); i++) {
                Pipeline.Member m = members.get(i);
                if (!refitsDistributed(m.config().learner())) {
                    refitted.add(m);
                    refits.add(onSample(m));
                    continue;
                }
                long memberStart = System.nanoTime();
                FittedOnAll fitted = train(pipeline, i, input, shared, n, period);
                double seconds = (System.nanoTime() - memberStart) / 1e9;
                allRows = fitted.rows + fitted.heldOut;
                refitted.add(new Pipeline.Member(m.transform(), fitted.model, m.config(), m.weight()));
                String rounds = period == 0 ? "" : String.format(Locale.ROOT, "; %d rounds (the sample's: %d; at most %d) "
                        + "kept by early stopping on %d held-out rows, trained on the other %d", fitted.keptRounds,
                        fitted.sampleRounds, fitted.maxRounds, fitted.heldOut, fitted.rows);
                refits.add(new MemberRefit(m.config().learner(), true, allRows, n, seconds, String.format(Locale.ROOT,
                        "refitted on all %d rows by %d Spark tasks in %.1f s%s", allRows, n, seconds, rounds)));
                if (period > 0) {
                    info.put("refit_rounds", (info.containsKey("refit_rounds") ? info.get("refit_rounds") + "," : "")
                            + fitted.keptRounds);
                    info.put("refit_holdout_rows", Long.toString(fitted.heldOut));
                }
            }
        } finally {
            shared.destroy();
        }
        info.put("refit_rows", Long.toString(allRows));
        info.put("refit", refits.stream().map(r -> r.learner() + (r.distributed() ? ":all_rows" : ":sample")).toList().toString());
        Pipeline out = new Pipeline(pipeline.target(), refitted, pipeline.config(), info, pipeline.stack().orElse(null),
                pipeline.decision().orElse(null));
        RefitResult r = new RefitResult(new AutoMlModel(out), refits, (System.nanoTime() - start) / 1e9);
        log.accept(r.summary());
        return r;
    }

    private static MemberRefit onSample(Pipeline.Member m) {
        String learner = m.config().learner();
        return new MemberRefit(learner, false, -1, 0, 0, "kept its fit on the driver's sample (only "
                + DISTRIBUTED_LEARNERS + " refit on all rows in Spark)");
    }

    private record FittedOnAll(FittedModel model, long rows, long heldOut, int keptRounds, int sampleRounds,
                               int maxRounds) {
    }

    private FittedOnAll train(Pipeline pipeline, int member, Dataset<Row> input, Broadcast<byte[]> shared, int n, int period) {
        Pipeline.Member m = pipeline.members().get(member);
        Config config = TrialEvaluator.learnerConfig(m.config());
        Map<String, Object> params = XgboostLearner.boosterParams(pipeline.target(), config, 1, seed, "cpu");
        int rounds = config.get(XgboostLearner.N_ESTIMATORS);
        int maxRounds = period > 0 ? Math.max(ROUNDS_FACTOR * rounds, rounds + XgboostLearner.PATIENCE) : rounds;
        RabitTracker tracker;
        try {
            String host = spark.sparkContext().getConf().get("spark.driver.host", "127.0.0.1");
            tracker = new RabitTracker(n, host, 0, trackerTimeoutSeconds);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot create XGBoost's tracker for the distributed refit: " + e.getMessage(), e);
        }
        try {
            if (!tracker.start()) {
                throw new IllegalStateException("XGBoost's tracker for the distributed refit did not start");
            }
            BarrierFit fit = new BarrierFit(shared, member, input.schema(), params, maxRounds, period, tracker.getWorkerArgs());
            List<WorkerResult> results = input.rdd().barrier().mapPartitions(fit, false, classTag(WorkerResult.class))
                    .toJavaRDD().collect();
            WorkerResult first = results.stream().filter(r -> r.rank() == 0).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no task of the distributed refit had rank 0"));
            long rows = results.stream().mapToLong(WorkerResult::rows).sum();
            long heldOut = results.stream().mapToLong(WorkerResult::heldOut).sum();
            if (results.stream().anyMatch(r -> r.keptRounds() != first.keptRounds())) {   // the collective would have hung
                throw new IllegalStateException("the tasks of the distributed refit stopped at different rounds: "
                        + results.stream().map(WorkerResult::keptRounds).toList());
            }
            FittedModel model = XgboostLearner.fromBooster(first.booster(), pipeline.target(), first.targetMean(),
                    first.targetSd(), first.keptRounds());
            return new FittedOnAll(model, rows, heldOut, first.keptRounds() == 0 ? maxRounds : first.keptRounds(), rounds,
                    maxRounds);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost's tracker failed in the distributed refit: " + e.getMessage(), e);
        } finally {
            try {
                tracker.stop();
            } catch (XGBoostError e) {
                log.accept("could not stop XGBoost's tracker: " + e.getMessage());
            }
        }
    }

    // A barrier stage needs all its tasks running at once: more workers than slots would wait and then fail.
    private int workersFor(SparkSession s) {
        int taskCpus = Integer.parseInt(s.sparkContext().getConf().get("spark.task.cpus", "1"));
        int slots = Math.max(0, s.sparkContext().defaultParallelism() / Math.max(1, taskCpus));
        if (slots < 1) {
            throw new IllegalStateException("the distributed refit needs at least one task slot, but the cluster has none "
                    + "free for spark.task.cpus=" + taskCpus);
        }
        if (workers > slots) {
            throw new IllegalStateException("the distributed refit asks for " + workers + " workers, but the cluster has "
                    + slots + " task slots (a barrier stage starts all its tasks at once); ask for at most " + slots);
        }
        return workers > 0 ? workers : slots;
    }

    // The columns any member reads and the target, in the rows' order: only they travel through the shuffle.
    private static Column[] columnsOf(Pipeline pipeline, Dataset<Row> rows) {
        Set<String> wanted = new LinkedHashSet<>();
        pipeline.members().forEach(m -> wanted.addAll(m.transform().inputColumns()));
        wanted.add(pipeline.target().name());
        List<String> names = List.of(rows.columns());
        List<String> missing = wanted.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the rows to refit on lack the columns " + missing + " that the model reads; "
                    + "they have " + names);
        }
        return names.stream().filter(wanted::contains).map(functions::col).toArray(Column[]::new);
    }

    private static <T> ClassTag<T> classTag(Class<T> type) {
        return ClassTag$.MODULE$.apply(type);
    }

    /** Settings of a {@link DistributedRefit}. */
    public static final class Builder {
        private final SparkSession spark;
        private int workers;
        private long seed;
        private int trackerTimeoutSeconds = 300;
        private boolean retuneRounds = true;
        private Consumer<String> log = line -> { };

        private Builder(SparkSession spark) {
            this.spark = Objects.requireNonNull(spark, "spark");
        }

        /**
         * Barrier tasks that train each XGBoost member, one partition each; 0 (the default) for every task slot.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder workers(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("workers must be 0 (every task slot) or more, but was " + n);
            }
            this.workers = n;
            return this;
        }

        /** XGBoost's seed (row and column subsampling). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Seconds XGBoost's tracker waits for every task to join.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder trackerTimeoutSeconds(int seconds) {
            if (seconds <= 0) {
                throw new IllegalArgumentException("trackerTimeoutSeconds must be positive, but was " + seconds);
            }
            this.trackerTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Whether to re-tune an XGBoost member's rounds on a hold-out of all rows (the default), from
         * {@value #MIN_ROWS_TO_RETUNE} rows; off: train the sample's rounds on every row.
         */
        public Builder retuneRounds(boolean retune) {
            this.retuneRounds = retune;
            return this;
        }

        /** Where the refit's summary line goes (nowhere by default). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** The refit. */
        public DistributedRefit build() {
            return new DistributedRefit(this);
        }
    }
}
