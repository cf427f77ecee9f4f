package automl4j.spark.trials;

import automl4j.ConfigException;
import automl4j.execute.Failures;
import automl4j.execute.PredictionSink;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerFactory;
import automl4j.execute.TrialTask;
import automl4j.learn.Learner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Runs each trial as one Spark job of one task, while the driver (this JVM) keeps the searcher, the journal and the
 * leaderboard, as Hyperopt's {@code SparkTrials} does. Each featurized split set is broadcast once ({@link SplitBroadcasts});
 * a task rebuilds the learner and metric by id on its executor and fits there ({@link TrialFunction}); the outcome and,
 * for ensembles, the validation predictions come back to the driver as bytes.
 *
 * <ul>
 *   <li><b>Capacity</b>: the cluster's task slots (its default parallelism: the executors' cores, or
 *       {@code local[n]}'s n) over the CPUs a trial's task takes (the larger of {@code spark.task.cpus} and the trial's
 *       threads; see {@link TrialResources}), or as given.</li>
 *   <li><b>GPUs</b>: a trial of a learner that can train on a GPU takes one while the executors have one free, through
 *       Spark's resource scheduling (a task resource profile asking for a GPU), and trains on {@code cuda:<address>} of
 *       the GPU Spark assigned its task; other trials take none. GPU trials take CPU slots too, as their tasks take
 *       CPUs. In local mode the driver's GPUs are handed out instead. See {@link TrialGpus}.</li>
 *   <li><b>Deadlines and cancelling</b>: each trial's job runs in a job group of its own (interrupting on cancel); at
 *       the trial's hard deadline, on cancel and on {@link #close()} the runner cancels the group. The task also ends
 *       itself at the hard deadline, abandoning a fit that cannot stop, so its slot is freed either way.</li>
 *   <li><b>Crashes</b>: the learner's exception is the trial's outcome ({@code failed}, not retried). A task failure
 *       (its executor died or was lost, or its JVM is unwell) makes the runner run the trial once more, within its
 *       original deadline; a second failure records it {@code crashed} with Spark's reason. The runner retries itself,
 *       so {@code spark.task.maxFailures} should be 1 (local mode's fixed value; the command line sets it): with
 *       Spark's default of 4 on a cluster, Spark retries each task too, and a note says so.</li>
 * </ul>
 * The Spark session is the caller's: closing the runner ends its trials and frees its broadcasts and threads, and
 * leaves the session running. Learners must be listed in a services file on the executors' class path (the run's jar);
 * a learner the executors cannot rebuild fails its trials with a message naming the id and that file. Thread-safe.
 * This class may still change before 1.0.
 */
public final class SparkTrialRunner implements TrialRunner {
    private static final AtomicInteger RUNNERS = new AtomicInteger();
    /** Longest {@link #close()} waits for the job threads of cancelled trials to return. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final JavaSparkContext spark;
    private final PredictionSink sink;
    private final Consumer<String> info;
    private final int capacity;
    private final String groupPrefix;
    private final SplitBroadcasts broadcasts;
    private final TrialResources resources;
    private final TrialGpus gpus;
    private final ExecutorService jobs;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Running> queue = new ArrayDeque<>();
    private final List<Running> running = new ArrayList<>();
    private boolean closed;

    /** A trial waiting for a slot, or running in its job group. */
    private static final class Running {
        final TrialTask task;
        /** Completed by whatever ends the trial: its reply, its deadline, a cancel, the runner's close. */
        final CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
        /**
         * The caller's future, completed once the runner has done its bookkeeping for the ended trial (its slot and GPU
         * freed, a GPU fallback noted), so that the caller's next submit sees it.
         */
        final CompletableFuture<TrialOutcome> visible = new CompletableFuture<>();
        final String group;
        volatile boolean replied;
        boolean started;
        java.util.concurrent.ScheduledFuture<?> deadline;
        TrialGpus.Grant grant = TrialGpus.Grant.CPU;

        Running(TrialTask task, String group) {
            this.task = task;
            this.group = group;
        }
    }

    /**
     * A runner of {@code capacity} trials at once on {@code spark}'s cluster over {@code splits}.
     *
     * @param spark    the session whose cluster runs the trials; it stays the caller's to stop
     * @param capacity trials at once, &gt;= 1, or 0 for {@link #slots(SparkSession, int) the cluster's slots} for
     *                 single-threaded trials
     * @param sink     receives the validation predictions of tasks that want them, on the driver
     * @param info     receives one-line notes for the run's log
     */
    public SparkTrialRunner(SparkSession spark, SplitStore splits, PredictionSink sink, int capacity, Consumer<String> info) {
        this(spark, splits, sink, capacity, Set.of(), info);
    }

    /**
     * A runner as {@link #SparkTrialRunner(SparkSession, SplitStore, PredictionSink, int, Consumer)} whose trials of
     * {@code gpuLearners} take a GPU when the executors have a free one (see {@link TrialGpus}: Spark's resource
     * scheduling on a cluster whose executors have GPUs, the driver's GPUs in local mode).
     *
     * @param gpuLearners ids of the learners whose trials may train on a GPU ({@code LearnerTraits.usesGpu()})
     * @throws IllegalArgumentException naming {@code spark.task.resource.gpu.amount} when it is set in local mode, where
     *                                  Spark never starts a task that asks for a GPU
     */
    public SparkTrialRunner(SparkSession spark, SplitStore splits, PredictionSink sink, int capacity, Set<String> gpuLearners,
                            Consumer<String> info) {
        Objects.requireNonNull(spark, "spark");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity of a Spark trial runner must be >= 0 (0: the cluster's slots), but was "
                    + capacity);
        }
        this.spark = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.sink = Objects.requireNonNull(sink, "sink");
        this.info = Objects.requireNonNull(info, "info");
        this.capacity = capacity > 0 ? capacity : slots(spark, 1);
        this.groupPrefix = "automl4j-" + spark.sparkContext().applicationId() + "-" + RUNNERS.incrementAndGet();
        this.broadcasts = new SplitBroadcasts(this.spark, Objects.requireNonNull(splits, "splits"));
        this.resources = new TrialResources(spark.sparkContext(), info);
        this.gpus = new TrialGpus(spark.sparkContext(), gpuLearners, info);
        this.jobs = Executors.newCachedThreadPool(daemon(groupPrefix + "-job"));
        java.util.concurrent.ScheduledThreadPoolExecutor deadlines = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                daemon(groupPrefix + "-deadlines"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.timer = deadlines;
        int maxFailures = spark.sparkContext().getConf().getInt("spark.task.maxFailures", 4);
        if (maxFailures > 1 && !spark.sparkContext().isLocal()) {
            info.accept("spark.task.maxFailures is " + maxFailures + ": Spark retries a crashed trial's task up to "
                    + (maxFailures - 1) + " times before the runner's own single retry; set it to 1 for one retry in all");
        }
    }

    /**
     * Makes a runner on {@code spark}'s cluster for each run: as many trials at once as the cluster has slots for the
     * run's threads per trial. Before the search it asks an executor whether it can rebuild each of the run's learners
     * by id (one small Spark job), so that a learner whose jar the executors lack stops the run at once.
     *
     * @throws ConfigException from {@link TrialRunnerFactory#create}, naming {@code search.learners}, the learners the
     *                         executors cannot rebuild and why
     */
    public static TrialRunnerFactory factory(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        return context -> {
            List<Learner> learners = context.learners().values().stream().sorted(java.util.Comparator.comparing(Learner::id)).toList();
            try {
                // Before the probe's job, which would wait forever.
                TrialGpus.refuseTaskGpusInLocalMode(spark.sparkContext().getConf());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("spark.conf", e.getMessage(), e);
            }
            List<String> missing = LearnerProbe.missing(JavaSparkContext.fromSparkContext(spark.sparkContext()), learners);
            if (!missing.isEmpty()) {
                throw new ConfigException("search.learners", "the Spark executors of " + spark.sparkContext().master()
                        + " cannot rebuild " + missing.size() + " of the run's learners by id (ship their jars with "
                        + "spark.jars, or leave them out of search.learners): " + String.join("; ", missing));
            }
            Set<String> gpuLearners = learners.stream().filter(l -> l.traits().usesGpu()).map(Learner::id)
                    .collect(java.util.stream.Collectors.toSet());
            return new SparkTrialRunner(spark, context.splits(), context.sink(), slots(spark, context.threadsPerTrial()),
                    gpuLearners, context.info());
        };
    }

    /**
     * Trials of {@code threadsPerTrial} threads that {@code spark}'s cluster runs at once: its default parallelism (the
     * executors' cores that have registered, at least 2, unless {@code spark.default.parallelism} says otherwise; n for
     * {@code local[n]}) over the larger of {@code spark.task.cpus} and the threads; at least 1.
     */
    public static int slots(SparkSession spark, int threadsPerTrial) {
        if (threadsPerTrial < 1) {
            throw new IllegalArgumentException("threads per trial must be >= 1, but was " + threadsPerTrial);
        }
        int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        return Math.max(1, spark.sparkContext().defaultParallelism() / Math.max(taskCpus, threadsPerTrial));
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        Objects.requireNonNull(task, "task");
        Running r = new Running(task, groupPrefix + "-trial-" + task.trialId());
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("trial " + task.trialId() + " submitted to a closed Spark trial runner");
            }
            queue.add(r);
            r.outcome.whenComplete((o, e) -> ended(r, o, e));
            r.visible.whenComplete((o, e) -> {
                if (r.visible.isCancelled()) {
                    r.outcome.cancel(true);   // the caller gave up on it
                }
            });
            drain();
        }
        return r.visible;
    }

    /** The runner's bookkeeping for an ended trial, then the caller's future. */
    private void ended(Running r, TrialOutcome o, Throwable e) {
        boolean started;
        synchronized (this) {
            started = r.started;
        }
        if (started) {
            r.deadline.cancel(false);   // a trial's deadline may be a day away: its timer entry goes with it
            if (!r.replied) {
                // Past its deadline, cancelled or closed: interrupts its task, and refuses a job its thread has yet to
                // submit (a retry, or one racing this cancel).
                spark.sc().cancelJobGroupAndFutureJobs(r.group, "trial " + r.task.trialId() + " ended "
                        + (o == null ? "abandoned" : o.status()) + " on the driver");
            }
            gpus.release(r.grant, r.task.trialId(), r.task.learnerId(), o);
        }
        synchronized (this) {
            running.remove(r);
            queue.remove(r);
            drain();
        }
        if (e instanceof java.util.concurrent.CancellationException) {
            r.visible.cancel(false);
        } else if (e != null) {
            r.visible.completeExceptionally(e);
        } else {
            r.visible.complete(o);
        }
    }

    /** Starts queued trials while slots are free. */
    private synchronized void drain() {
        while (!closed && running.size() < capacity && !queue.isEmpty()) {
            Running r = queue.poll();
            if (!r.outcome.isDone()) {
                running.add(r);
                start(r);
            }
        }
    }

    // Called under this runner's lock (from drain).
    private void start(Running r) {
        r.grant = gpus.take(r.task.learnerId());
        long start = System.nanoTime();
        long hard = r.task.deadline().hard(start);
        r.deadline = timer.schedule(
                () -> r.outcome.complete(r.task.deadline().overrun(start, (System.nanoTime() - start) / 1e9)),
                Math.max(0, hard - System.nanoTime()), TimeUnit.NANOSECONDS);
        r.started = true;
        jobs.execute(() -> run(r, start));
    }

    /** Runs {@code r}'s job on this (a job) thread, once more if its task fails, and completes its outcome. */
    private void run(Running r, long start) {
        TrialTask task = r.task;
        Broadcast<byte[]> splits;
        try {
            splits = broadcasts.of(task.splitSetKey());   // featurized on the first trial of a set: part of its time
        } catch (RuntimeException e) {
            r.outcome.complete(Failures.of(task, e, (System.nanoTime() - start) / 1e9));
            return;
        }
        String first = null;
        for (int attempt = 1; attempt <= 2 && !r.outcome.isDone(); attempt++) {
            try {
                spark.setJobGroup(r.group, "automl4j trial " + task.trialId() + " (" + task.learnerId() + ")", true);
                JavaRDD<byte[]> one = spark.parallelize(List.of(TrialRequest.of(task, r.grant.device(), start, System.nanoTime())
                        .toBytes()), 1);
                List<byte[]> out = resources.apply(one, task.threads(), gpus.askedOfSpark(r.grant))
                        .map(new TrialFunction(splits)).collect();
                TrialReply reply = TrialReply.fromBytes(out.get(0));
                r.replied = true;
                if (reply.predictions() != null && !r.outcome.isDone()) {
                    sink.accept(task.trialId(), task.learnerId(), reply.loss(), reply.predictions());
                }
                r.outcome.complete(reply.outcome());
                return;
            } catch (Exception e) {   // Spark's SparkException is checked in Scala's eyes only
                if (r.outcome.isDone()) {
                    return;   // its job was cancelled: the outcome is already what ended it
                }
                String reason = reason(e);
                if (attempt == 1) {
                    first = reason;
                    info.accept("trial " + task.trialId() + " (" + task.learnerId() + ") lost its Spark task (" + reason
                            + "); running it once more");
                } else {
                    r.outcome.complete(new TrialOutcome.Crashed("trial " + task.trialId() + " (" + task.config()
                            + ") crashed twice on Spark: " + first + (first.equals(reason) ? "" : "; then: " + reason),
                            (System.nanoTime() - start) / 1e9));
                }
            } finally {
                spark.clearJobGroup();
            }
        }
    }

    /** Spark's reason for a failed job, on one line and without its stack trace. */
    static String reason(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int end = m.indexOf("\n\tat ");
        m = (end >= 0 ? m.substring(0, end) : m).replace('\n', ' ').trim();
        return m.length() > 500 ? m.substring(0, 500) + " …" : m;
    }

    @Override
    public void close() {
        List<Running> ended = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ended.addAll(queue);
            queue.clear();
            ended.addAll(running);
        }
        ended.forEach(r -> r.outcome.complete(new TrialOutcome.Cancelled()));   // cancels their job groups
        jobs.shutdown();
        timer.shutdownNow();
        try {
            // Their jobs are cancelled; a job thread still serializing its task must not find its broadcast destroyed.
            jobs.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broadcasts.destroy();
    }

    @Override
    public String toString() {
        return "Spark (" + spark.master() + ")";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
