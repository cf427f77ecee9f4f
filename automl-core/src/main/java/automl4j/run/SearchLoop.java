package automl4j.run;

import automl4j.internal.Seeds;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Drives one search: proposes configs, runs them on the executor, collects outcomes, and stops at the budget.
 *
 * <p>Determinism: trial {@code i} is proposed from the results of trials {@code 0 .. i-LAG-1} only (and the configs of
 * the {@code LAG} trials before it as pending), and waits until those have finished. What a proposal sees therefore
 * does not depend on the number of slots or the order in which trials finish, so a seed and a max-trials budget give
 * the same leaderboard on 1 slot or 16, while up to {@code LAG + 1} trials can run at once. Under a pure time budget
 * (no such promise: trial costs reach the searcher) the lag grows to the number of slots, so that every slot can work.
 *
 * <p>GPUs: a trial of a learner that {@link automl4j.learn.LearnerTraits#usesGpu()} and runs in a worker takes a free GPU if there is one,
 * else a CPU slot; other trials take CPU slots only. GPU trials hold no CPU slot, so both kinds of slot work at once.
 * A trial that asked for a GPU and trained on the CPU switches the GPUs off for the rest of the search.
 */
final class SearchLoop {
    static final int LAG = 4;
    // Round-based learners stop themselves at the soft deadline; this is the time one round may still take.
    // Other learners cannot be stopped and are abandoned at the hard deadline.
    static final long HARD_GRACE_NANOS = 500_000_000L;

    private final JointSpace space;
    private final Map<String, Learner> learners;
    private final Searcher searcher;
    private final TrialEvaluator evaluator;
    private final TrialExecutor executor;
    private final Metric metric;
    private final List<Config> initial;
    private final long seed;
    private final RunListener listener;
    private final ToDoubleFunction<TrialResult> refitSeconds;
    private boolean withCosts;
    private final boolean prune;
    private final int splitCount;
    private final PriorTrials prior;
    private final ToLongFunction<Config> memoryEstimate;
    private final MemoryBudget memory;
    private final Isolation isolation;
    private final java.util.function.Supplier<WorkerPool> workerFactory;
    private WorkerPool workers;
    private boolean workersFailed;
    private final GpuSlots gpuSlots;
    private int lag = LAG;

    SearchLoop(JointSpace space, Map<String, Learner> learners, Searcher searcher, TrialEvaluator evaluator,
               TrialExecutor executor, Metric metric, List<Config> initial, long seed, RunListener listener,
               ToDoubleFunction<TrialResult> refitSeconds, boolean prune, int splitCount, PriorTrials prior,
               ToLongFunction<Config> memoryEstimate, MemoryBudget memory, Isolation isolation,
               java.util.function.Supplier<WorkerPool> workerFactory, List<Gpus.Gpu> gpus) {
        this.gpuSlots = new GpuSlots(gpus);
        this.isolation = isolation;
        this.workerFactory = workerFactory;
        this.prior = prior;
        this.memoryEstimate = memoryEstimate;
        this.memory = memory;
        this.prune = prune;
        this.splitCount = splitCount;
        this.space = space;
        this.learners = learners;
        this.searcher = searcher;
        this.evaluator = evaluator;
        this.executor = executor;
        this.metric = metric;
        this.initial = List.copyOf(initial);
        this.seed = seed;
        this.listener = listener;
        this.refitSeconds = refitSeconds;
    }

    /**
     * Runs trials until {@code maxTrials} have been proposed or the time runs out. The prior trials come first: the
     * finished ones keep their outcomes, the unfinished ones run again before anything new is proposed.
     *
     * @param startNanos   when the run started ({@link System#nanoTime()}; for a resumed run, the time spent before
     *                     is already subtracted)
     * @param budgetNanos  the run's whole time budget
     * @param trialLimit   most trials to run
     * @param trialTimeout longest time one trial may take, in nanoseconds
     * @return every trial's result, in trial-id order
     */
    List<TrialResult> run(long startNanos, long budgetNanos, int trialLimit, long trialTimeout) throws InterruptedException {
        long runEnd = startNanos + budgetNanos;
        int maxTrials = trialLimit;
        // Trial costs are measured times, so a searcher that uses them proposes differently from run to run. Under a
        // max-trials budget time is not what is scarce, and the seed promises the same leaderboard: costs are withheld.
        this.withCosts = trialLimit == Integer.MAX_VALUE;
        this.lag = withCosts ? Math.max(LAG, executor.slots() + gpuSlots.count() - 1) : LAG;
        List<Config> configs = new ArrayList<>();
        List<TrialResult> results = new ArrayList<>();
        Map<Integer, Running> running = new HashMap<>();
        LinkedBlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        TrialResult best = null;
        int finishedPrefix = 0;
        int completed = 0;
        Config pending = null;          // proposed, waiting for memory or for a CPU slot while only GPUs are free
        boolean waiting = false;        // pending waits until a running trial finishes
        launchWorkers();
        java.util.ArrayDeque<Integer> reruns = new java.util.ArrayDeque<>(prior.unfinished());
        for (int i = 0; i < prior.proposed().size(); i++) {
            configs.add(prior.proposed().get(i));
            TrialOutcome o = prior.finished().get(i);
            TrialResult restored = o == null ? null : new TrialResult(new Trial(i, configs.get(i), Seeds.derive(seed, i)), o);
            results.add(restored);
            if (restored != null && restored.completed() != null) {
                completed++;
                best = better(restored, best);
            }
        }
        while (finishedPrefix < results.size() && results.get(finishedPrefix) != null) {
            finishedPrefix++;
        }
        while (true) {
            long now = System.nanoTime();
            int next = configs.size();
            long searchEnd = completed > 0
                    ? runEnd - (long) (Math.min(0.5 * budgetNanos / 1e9, refitSeconds.applyAsDouble(best)) * 1e9)
                    : runEnd - fallbackReserveNanos(budgetNanos);   // then the engine's fallback (issue 14)
            boolean stop = next >= maxTrials || now - searchEnd >= 0;
            boolean cpuFree = cpuRunning(running) < executor.slots();
            boolean gpuFree = gpuSlots.anyFree();
            if (!stop && !reruns.isEmpty()) {
                int id = reruns.peek();
                Slot slot = slotFor(configs.get(id), cpuFree, gpuFree);
                if (slot != Slot.NONE) {
                    reruns.poll();
                    start(new Trial(id, configs.get(id), Seeds.derive(seed, id)), results, now, searchEnd, trialTimeout,
                            startNanos, running, done, slot == Slot.GPU);
                    continue;
                }
            }
            if (!stop && reruns.isEmpty() && (cpuFree || gpuFree) && finishedPrefix >= next - lag && !waiting) {
                Config config = pending != null ? pending : next < initial.size() ? initial.get(next) : propose(configs, results, next);
                pending = null;
                double expected = typicalSeconds(results, config.learner());
                if (completed > 0 && now + (long) (expected * 1e9) - searchEnd > 0) {
                    // It would be abandoned at the search end: end the search instead of wasting the time.
                    maxTrials = next;
                    continue;
                }
                Slot slot = slotFor(config, cpuFree, gpuFree);
                long bytes = heapBytes(config, results);
                if (slot == Slot.NONE) {
                    pending = config;
                    waiting = true;
                } else if (running.isEmpty() || memory.fits(bytes)) {
                    configs.add(config);
                    results.add(null);
                    start(new Trial(next, config, Seeds.derive(seed, next)), results, now, searchEnd, trialTimeout, startNanos,
                            running, done, slot == Slot.GPU);
                    continue;
                }
                if (slot != Slot.NONE) {
                    // Which trial starts next does not change, only when: the leaderboard stays the same on any slots.
                    pending = config;
                    waiting = true;
                    listener.info("trial " + next + " (" + config.learner() + ") waits for a running trial to finish: it "
                            + memory.describe(bytes));
                }
            }
            if (running.isEmpty()) {
                break;
            }
            long wakeAt = running.values().stream().mapToLong(Running::hardDeadline).min().orElse(now);
            if (!stop) {
                wakeAt = Math.min(wakeAt, searchEnd);
            }
            Integer id = done.poll(Math.max(1, wakeAt - System.nanoTime()), TimeUnit.NANOSECONDS);
            List<TrialResult> finished = new ArrayList<>();
            if (id != null && running.containsKey(id)) {
                Running r = running.remove(id);
                memory.release(r.bytes());
                waiting = false;
                TrialResult result = new TrialResult(r.trial(), outcome(r));
                releaseGpu(r, result);
                finished.add(result);
            }
            long t = System.nanoTime();
            for (Running r : List.copyOf(running.values())) {
                if (t - r.hardDeadline() >= 0 && !r.future().isDone()) {
                    running.remove(r.trial().id());
                    // An abandoned fit may still hold its memory, but waiting for it could block the run for good.
                    memory.release(r.bytes());
                    waiting = false;
                    r.abandon().run();
                    releaseGpu(r, null);
                    double seconds = (t - r.startNanos()) / 1e9;
                    finished.add(new TrialResult(r.trial(), r.ownTimeout()
                            ? new TrialOutcome.TimedOut(seconds) : new TrialOutcome.Cancelled()));
                }
            }
            for (TrialResult result : finished) {
                results.set(result.trial().id(), result);
                TrialResult before = best;
                if (result.completed() != null) {
                    completed++;
                    best = better(result, best);
                }
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                listener.trialFinished(result, best, elapsed);
                if (best != before) {
                    listener.newBest(best, elapsed);
                }
            }
            while (finishedPrefix < results.size() && results.get(finishedPrefix) != null) {
                finishedPrefix++;
            }
        }
        // Unfinished prior trials that the budget left no time to run again.
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, new TrialResult(new Trial(i, configs.get(i), Seeds.derive(seed, i)), new TrialOutcome.Cancelled()));
            }
        }
        return List.copyOf(results);
    }

    /**
     * Time kept at the end of a search in which no trial completed, for the engine's fallback fit (a cheap learner's
     * defaults on a sample; see {@code Fallback}): a tenth of the budget, between 0.2 s and 2 s. The search used to
     * run on past the budget until a trial completed; the budget now bounds the whole run (issue 14).
     */
    static long fallbackReserveNanos(long budgetNanos) {
        return Math.max(200_000_000L, Math.min(2_000_000_000L, budgetNanos / 10));
    }

    /** Which kind of slot a trial takes. */
    private enum Slot { CPU, GPU, NONE }

    /** The slot a trial of {@code config} takes now: a free GPU if its learner can use one, else a free CPU slot. */
    private Slot slotFor(Config config, boolean cpuFree, boolean gpuFree) {
        Learner learner = learners.get(config.learner());
        if (gpuFree && learner.traits().usesGpu() && isolation.inWorker(learner) && !workersFailed) {
            return Slot.GPU;
        }
        return cpuFree ? Slot.CPU : Slot.NONE;
    }

    private static int cpuRunning(Map<Integer, Running> running) {
        return (int) running.values().stream().filter(r -> r.gpu() < 0).count();
    }

    /** Frees {@code r}'s GPU; if {@code result} says the fit ran on the CPU instead, no GPU trial starts again. */
    private void releaseGpu(Running r, TrialResult result) {
        if (r.gpu() < 0) {
            return;
        }
        gpuSlots.release(r.gpu());
        if (result != null && result.completed() != null && result.completed().device().equals(automl4j.learn.FitContext.CPU)
                && gpuSlots.count() > 0) {
            gpuSlots.disable();
            listener.info("trial " + r.trial().id() + " (" + r.trial().config().learner() + ") was given "
                    + GpuSlots.device(r.gpu()) + " but trained on the CPU (for XGBoost: the CUDA build is not on the class "
                    + "path, or the GPU is not usable); the rest of the search uses the CPU slots only");
        }
    }

    private void start(Trial trial, List<TrialResult> results, long now, long searchEnd, long trialTimeout, long startNanos,
                       Map<Integer, Running> running, LinkedBlockingQueue<Integer> done, boolean onGpu) {
        Learner learner = learners.get(trial.config().learner());
        boolean inWorker = routedToWorker(learner, results) && workerReady();
        int gpu = onGpu && inWorker ? gpuSlots.take() : -1;
        if (inWorker) {
            now = System.nanoTime();   // the wait for a worker's JVM is not the trial's time
        }
        long softDeadline = Math.min(searchEnd, now + trialTimeout);
        long hardDeadline = softDeadline + HARD_GRACE_NANOS;
        Pruning rule = pruning(results, trial.id());
        listener.trialStarted(trial, (now - startNanos) / 1e9);
        CompletableFuture<TrialOutcome> future = inWorker
                ? inWorker(trial, learner, softDeadline, rule, gpu < 0 ? automl4j.learn.FitContext.CPU : GpuSlots.device(gpu)) : null;
        long bytes = 0;
        Runnable abandon;
        if (future != null) {
            abandon = () -> workers.kill(trial);
        } else {
            bytes = memoryEstimate.applyAsLong(trial.config());
            CompletableFuture<TrialOutcome> f = executor.start(
                    () -> evaluator.evaluate(trial, learner, executor.threadsPerTrial(), softDeadline, rule),
                    executor.threadsPerTrial());
            future = f;
            abandon = () -> f.cancel(true);
        }
        memory.reserve(bytes);
        running.put(trial.id(), new Running(trial, future, now, hardDeadline, softDeadline < searchEnd, bytes, abandon, gpu));
        future.whenComplete((r, e) -> done.add(trial.id()));
    }

    /** Starts the worker processes (at the start of the search, so their JVMs start while in-process trials run). */
    private void launchWorkers() {
        if (workers != null || workersFailed || learners.values().stream().noneMatch(isolation::inWorker)) {
            return;
        }
        try {
            workers = workerFactory.get();
            workers.launchAll();
            listener.info("trials of " + learners.values().stream().filter(isolation::inWorker).map(Learner::id).toList()
                    + " run in worker processes of " + workers.heapMb() + " MiB heap each"
                    + (isolation == Isolation.GUARDED ? " (those without native code move in-process once their trials "
                    + "prove to take under " + QUICK_SECONDS + " s)" : ""));
        } catch (java.io.IOException | RuntimeException e) {
            disableWorkers(e);
        }
    }

    /** Waits for an idle worker; false (and every later trial in-process) if workers cannot be had. */
    private boolean workerReady() {
        launchWorkers();
        if (workersFailed) {
            return false;
        }
        try {
            workers.ready();
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            disableWorkers(e);
            return false;
        }
    }

    private void disableWorkers(Exception e) {
        workersFailed = true;
        listener.info("worker processes cannot be used (" + e.getMessage() + "); all trials run in-process");
    }

    /** Starts {@code trial} on the idle worker that {@link #workerReady()} found. */
    private CompletableFuture<TrialOutcome> inWorker(Trial trial, Learner learner, long softDeadline, Pruning rule,
                                                     String device) {
        List<automl4j.run.PreparedSplit> splits;
        try {
            splits = evaluator.splitsFor(trial.config());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);   // featurization failed: the trial fails as it would in-process
        }
        try {
            return workers.submit(trial, learner, metric, executor.threadsPerTrial(), device, softDeadline, rule, splits,
                    evaluator.wantsPredictions()).thenApply(r -> {
                        if (r.predictions() != null) {
                            evaluator.offer(trial, r.loss(), r.predictions());
                        }
                        return r.outcome();
                    });
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Heap of this JVM that a trial of {@code config} is expected to hold: none if it runs in a worker, with its own heap. */
    private long heapBytes(Config config, List<TrialResult> results) {
        return !workersFailed && routedToWorker(learners.get(config.learner()), results) ? 0 : memoryEstimate.applyAsLong(config);
    }

    /**
     * Whether a trial of {@code learner} runs in a worker: as the isolation setting says, except that under
     * {@link Isolation#GUARDED} a learner without native code whose trials on this data typically fit in less than
     * {@value #QUICK_SECONDS} s runs in-process: abandoned, such a fit takes little from what follows, while a worker's
     * messages and its own JIT warm-up (on the same cores) would cost small data a large share of its trials.
     */
    private boolean routedToWorker(Learner learner, List<TrialResult> results) {
        if (!isolation.inWorker(learner)) {
            return false;
        }
        if (isolation != Isolation.GUARDED || learner.traits().nativeCode() || (learner.traits().usesGpu() && gpuSlots.count() > 0)) {
            return true;   // GPU trials run in workers, which read back the device
        }
        double typical = typicalSeconds(results, learner.id());
        return typical == 0 || typical >= QUICK_SECONDS;
    }

    /** Typical fit time below which {@link Isolation#GUARDED} keeps a learner that cannot stop in-process. */
    static final double QUICK_SECONDS = 2.0;

    /** Stops the worker processes, if any were started. */
    void closeWorkers() {
        if (workers != null) {
            workers.close();
        }
    }

    /** The better of two trials by loss, the earlier one on a tie; {@code best} may be null. */
    private TrialResult better(TrialResult result, TrialResult best) {
        if (best == null) {
            return result;
        }
        double a = metric.loss(result.completed().score());
        double b = metric.loss(best.completed().score());
        return a < b || (a == b && result.trial().id() < best.trial().id()) ? result : best;
    }

    /** Median wall time of the completed trials of {@code learner}, or 0 if none completed yet. */
    private static double typicalSeconds(List<TrialResult> results, String learner) {
        List<Double> seconds = new ArrayList<>();
        for (TrialResult r : results) {
            if (r != null && r.completed() != null && r.trial().config().learner().equals(learner)) {
                seconds.add(r.completed().fitSeconds());
            }
        }
        if (seconds.isEmpty()) {
            return 0;
        }
        seconds.sort(null);
        return seconds.get(seconds.size() / 2);
    }

    /**
     * The pruning rule of trial {@code next}: from the trials its proposal could see, completed or pruned (each counts
     * at the rungs it reached, so the quantiles are not of the survivors only).
     */
    private Pruning pruning(List<TrialResult> results, int next) {
        if (!prune || splitCount < 2) {
            return Pruning.NONE;
        }
        List<double[]> visible = new ArrayList<>();
        for (int i = 0; i < Math.max(0, next - lag); i++) {
            TrialOutcome o = results.get(i).outcome();
            List<Double> scores = o instanceof TrialOutcome.Completed c ? c.splitScores()
                    : o instanceof TrialOutcome.Pruned p ? p.splitScores() : List.of();
            if (!scores.isEmpty()) {
                visible.add(scores.stream().mapToDouble(metric::loss).toArray());
            }
        }
        return Pruning.from(visible, splitCount);
    }

    private Config propose(List<Config> configs, List<TrialResult> results, int next) {
        int seen = Math.max(0, next - lag);
        List<Observation> observed = new ArrayList<>();
        for (int i = 0; i < seen; i++) {
            TrialResult r = results.get(i);
            // A pruned trial tells the searcher its loss at the fidelity it reached.
            double loss = r.completed() != null ? metric.loss(r.completed().score())
                    : r.outcome() instanceof TrialOutcome.Pruned p ? metric.loss(p.partialScore()) : Double.NaN;
            observed.add(new Observation(configs.get(i), loss, withCosts ? seconds(r.outcome()) : Double.NaN));
        }
        SearchHistory history = new SearchHistory(space, observed, configs.subList(seen, next), seed);
        List<Config> proposal = searcher.propose(history, 1);
        if (proposal.isEmpty() || !space.contains(proposal.get(0))) {
            throw new IllegalStateException("searcher '" + searcher.id() + "' proposed a config outside the space: " + proposal);
        }
        return proposal.get(0);
    }

    private static double seconds(TrialOutcome o) {
        if (o instanceof TrialOutcome.Completed c) {
            return c.fitSeconds();
        }
        if (o instanceof TrialOutcome.Failed f) {
            return f.seconds();
        }
        if (o instanceof TrialOutcome.Pruned p) {
            return p.seconds();
        }
        if (o instanceof TrialOutcome.OutOfMemory m) {
            return m.seconds();
        }
        if (o instanceof TrialOutcome.Crashed c) {
            return c.seconds();
        }
        return o instanceof TrialOutcome.TimedOut t ? t.seconds() : Double.NaN;
    }

    private static TrialOutcome outcome(Running r) {
        double seconds = (System.nanoTime() - r.startNanos()) / 1e9;
        try {
            return r.future().join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return failure(r.trial(), e.getCause() != null ? e.getCause() : e, seconds);
        }
    }

    /** The outcome of a trial whose evaluation threw {@code cause}: out of memory, or failed with its message. */
    static TrialOutcome failure(Trial trial, Throwable cause, double seconds) {
        String message = cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replace('\n', ' ');
        if (cause instanceof OutOfMemoryError) {
            return new TrialOutcome.OutOfMemory("trial " + trial.id() + " (" + trial.config() + ") ran out of memory: "
                    + message + " (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)", seconds);
        }
        return new TrialOutcome.Failed("trial " + trial.id() + " (" + trial.config() + ") failed: " + message, seconds);
    }

    private record Running(Trial trial, CompletableFuture<TrialOutcome> future, long startNanos, long hardDeadline,
                           boolean ownTimeout, long bytes, Runnable abandon, int gpu) {
    }
}
