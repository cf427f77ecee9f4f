package automl4j.execute;

import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import automl4j.space.Config;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Picks a runner per trial from its learner's scheduling traits and the {@link Isolation} setting: the in-process
 * runner, the worker-process runner on a CPU slot, or a worker on a free GPU. CPU slots are shared by in-process and
 * worker trials; GPU trials hold no CPU slot, so both kinds work at once. Trials wait in submission order for a slot of
 * their kind. Memory admission lives here, since only this runner sees every running trial and knows which run in this
 * JVM's heap: a trial in-process starts only when its learner's estimate fits beside the running ones' (or when
 * nothing runs). Workers that cannot be started send every later trial in-process, except under
 * {@link Isolation#WORKERS}, where such a trial fails instead (the user asked that no trial run in this JVM); a trial
 * that asked for a GPU and trained on the CPU switches the GPUs off. Thread-safe; {@code info} may be called from its own thread.
 */
public final class RoutingRunner implements TrialRunner {
    /** Typical fit time below which {@link Isolation#GUARDED} keeps a learner that cannot stop in-process. */
    public static final double QUICK_SECONDS = 2.0;
    /**
     * The thread that handles finished trials: never a runner's own thread, which may hold that runner's lock while a
     * trial completes (this runner's lock is taken before a runner's, never after).
     */
    private static final java.util.concurrent.Executor CALLBACKS = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "automl4j-routing");
        t.setDaemon(true);
        return t;
    });

    private final InProcessRunner inProcess;
    private final Supplier<WorkerRunner> workerFactory;
    private final int cpuSlots;
    private final GpuSlots gpuSlots;
    private final Isolation isolation;
    private final Map<String, Learner> learners;
    private final boolean metricInWorkers;
    private final MemoryBudget memory;
    private final ToLongFunction<Config> memoryEstimate;
    private final Consumer<String> info;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<Pending> running = new ArrayList<>();
    private final Map<String, List<Double>> fitSeconds = new HashMap<>();
    private WorkerRunner workers;
    private boolean workersFailed;
    /** Why the worker processes could not be started or reached, once that happened; else null. */
    private String workersBroken;
    private boolean closed;
    private int waitLogged = -1;

    /** A trial waiting for a slot, or running on one. */
    private static final class Pending {
        final TrialTask task;
        final CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
        CompletableFuture<TrialOutcome> inner;
        long bytes;
        int gpu = -1;

        Pending(TrialTask task) {
            this.task = task;
        }
    }

    /**
     * A router over {@code inProcess} and the workers {@code workerFactory} starts (at once if any learner's trials may
     * run in one).
     *
     * @param cpuSlots       trials that run at once on the CPU, in-process and in workers together
     * @param gpus           the GPUs that worker trials of GPU learners may take
     * @param learners       the run's learners by id, whose traits decide where their trials run
     * @param metric         the run's metric; if no worker could rebuild it by id, every trial runs in-process
     * @param memory         the heap in-process trials may hold at once
     * @param memoryEstimate heap a trial of a config is expected to hold
     * @param info           receives one-line notes for the run's log
     */
    public RoutingRunner(InProcessRunner inProcess, Supplier<WorkerRunner> workerFactory, int cpuSlots, List<Gpus.Gpu> gpus,
                         Isolation isolation, Map<String, Learner> learners, Metric metric, MemoryBudget memory,
                         ToLongFunction<Config> memoryEstimate, Consumer<String> info) {
        this.inProcess = Objects.requireNonNull(inProcess, "inProcess");
        this.workerFactory = Objects.requireNonNull(workerFactory, "workerFactory");
        this.cpuSlots = cpuSlots;
        this.gpuSlots = new GpuSlots(gpus);
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        this.learners = Map.copyOf(learners);
        this.metricInWorkers = PluginRegistry.shared().canRebuild(metric);
        this.memory = Objects.requireNonNull(memory, "memory");
        this.memoryEstimate = Objects.requireNonNull(memoryEstimate, "memoryEstimate");
        this.info = Objects.requireNonNull(info, "info");
        PluginRegistry.shared().problem().ifPresent(why -> info.accept("worker processes cannot rebuild plug-ins by id ("
                + why + "); all trials run in-process"));
        if (!metricInWorkers && learners.values().stream().anyMatch(isolation::inWorker)) {
            workersFailed = true;
            info.accept("metric '" + metric.id() + "' is not listed in META-INF/services/automl4j.metric.Metric, so worker "
                    + "processes cannot rebuild it: all trials run in-process (list it there to isolate "
                    + learners.values().stream().filter(isolation::inWorker).map(Learner::id).toList() + ")");
        }
        launchWorkers();
    }

    @Override
    public int capacity() {
        return cpuSlots + gpuSlots.count();
    }

    /** Tells the router how a trial of {@code learnerId} ended before it was made (a resumed run), for its routing. */
    public synchronized void observe(String learnerId, TrialOutcome outcome) {
        if (outcome instanceof TrialOutcome.Completed c) {
            fitSeconds.computeIfAbsent(learnerId, k -> new ArrayList<>()).add(c.fitSeconds());
        }
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        Pending p = new Pending(Objects.requireNonNull(task, "task"));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("trial " + task.trialId() + " submitted to a closed routing runner");
            }
            queue.add(p);
            dispatch();
        }
        p.outcome.whenComplete((o, e) -> {
            if (p.inner != null && p.outcome.isCancelled()) {
                p.inner.cancel(true);
            }
        });
        return p.outcome;
    }

    /** Which kind of slot a trial takes. */
    private enum Slot { CPU, GPU, NONE }

    private synchronized void dispatch() {
        while (!closed && !queue.isEmpty()) {
            Pending p = queue.peek();
            if (p.outcome.isDone()) {
                queue.poll();
                continue;
            }
            Learner learner = learners.get(p.task.learnerId());
            boolean cpuFree = running.stream().filter(r -> r.gpu < 0).count() < cpuSlots;
            Slot slot = learner != null && gpuSlots.anyFree() && learner.traits().usesGpu() && isolation.inWorker(learner) && !workersFailed
                    ? Slot.GPU : cpuFree ? Slot.CPU : Slot.NONE;
            if (slot == Slot.NONE) {
                return;
            }
            long bytes = learner != null && !workersFailed && routedToWorker(learner) ? 0 : memoryEstimate.applyAsLong(p.task.config());
            if (!running.isEmpty() && !memory.fits(bytes)) {
                if (waitLogged != p.task.trialId()) {
                    waitLogged = p.task.trialId();
                    info.accept("trial " + p.task.trialId() + " (" + p.task.learnerId() + ") waits for a running trial to "
                            + "finish: it " + memory.describe(bytes));
                }
                return;
            }
            queue.poll();
            start(p, learner, slot == Slot.GPU);
        }
    }

    private void start(Pending p, Learner learner, boolean onGpu) {
        boolean toWorker = learner != null && routedToWorker(learner);
        boolean inWorker = toWorker && workerReady();
        if (toWorker && !inWorker && isolation == Isolation.WORKERS && workersBroken != null) {
            // Asked for every trial in a worker: running it here instead could let a crash end the run it was
            // meant to protect, so the trial fails and says why.
            TrialOutcome failed = new TrialOutcome.Failed("trial " + p.task.trialId() + " (" + p.task.learnerId()
                    + ") was not run: isolation 'workers' runs trials only in worker processes, which cannot be used ("
                    + workersBroken + ")", 0);
            CALLBACKS.execute(() -> p.outcome.complete(failed));   // not under this lock: the caller's callbacks run
            return;
        }
        p.gpu = onGpu && inWorker ? gpuSlots.take() : -1;
        if (inWorker) {
            p.inner = workers.submit(p.task, p.gpu < 0 ? FitContext.CPU : GpuSlots.device(p.gpu));
        } else {
            p.bytes = memoryEstimate.applyAsLong(p.task.config());
            p.inner = inProcess.submit(p.task);
        }
        memory.reserve(p.bytes);
        running.add(p);
        p.inner.whenCompleteAsync((o, e) -> finished(p, o != null ? o : new TrialOutcome.Cancelled()), CALLBACKS);
    }

    private void finished(Pending p, TrialOutcome outcome) {
        synchronized (this) {
            if (running.remove(p)) {
                memory.release(p.bytes);
                if (outcome instanceof TrialOutcome.Completed c) {
                    fitSeconds.computeIfAbsent(p.task.learnerId(), k -> new ArrayList<>()).add(c.fitSeconds());
                }
                releaseGpu(p, outcome);
            }
        }
        p.outcome.complete(outcome);
        synchronized (this) {
            dispatch();
        }
    }

    /** Frees {@code p}'s GPU; if {@code outcome} says the fit ran on the CPU instead, no GPU trial starts again. */
    private void releaseGpu(Pending p, TrialOutcome outcome) {
        if (p.gpu < 0) {
            return;
        }
        gpuSlots.release(p.gpu);
        if (outcome instanceof TrialOutcome.Completed c && c.device().equals(FitContext.CPU) && gpuSlots.count() > 0) {
            gpuSlots.disable();
            info.accept("trial " + p.task.trialId() + " (" + p.task.learnerId() + ") was given "
                    + GpuSlots.device(p.gpu) + " but trained on the CPU (for XGBoost: the CUDA build is not on the class "
                    + "path, or the GPU is not usable); the rest of the search uses the CPU slots only");
        }
    }

    /** Starts the worker processes (at once, so their JVMs start while in-process trials run). */
    private void launchWorkers() {
        if (workers != null || workersFailed || learners.values().stream().noneMatch(isolation::inWorker)) {
            return;
        }
        try {
            workers = workerFactory.get();
            info.accept("trials of " + learners.values().stream().filter(isolation::inWorker).map(Learner::id).toList()
                    + " run in worker processes of " + workers.heapMb() + " MiB heap each"
                    + (isolation == Isolation.GUARDED ? " (those without native code move in-process once their trials "
                    + "prove to take under " + QUICK_SECONDS + " s)" : ""));
        } catch (RuntimeException e) {
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
        workersBroken = e.getMessage();
        info.accept("worker processes cannot be used (" + e.getMessage() + "); "
                + (isolation == Isolation.WORKERS ? "under isolation 'workers' the trials meant for them fail"
                : "all trials run in-process"));
    }

    /**
     * Whether a trial of {@code learner} runs in a worker: as the isolation setting says, except that under
     * {@link Isolation#GUARDED} a learner without native code whose trials on this data typically fit in less than
     * {@value #QUICK_SECONDS} s runs in-process: abandoned, such a fit takes little from what follows, while a worker's
     * messages and its own JIT warm-up (on the same cores) would cost small data a large share of its trials.
     */
    private boolean routedToWorker(Learner learner) {
        if (!isolation.inWorker(learner)) {
            return false;
        }
        if (isolation != Isolation.GUARDED || learner.traits().nativeCode() || (learner.traits().usesGpu() && gpuSlots.count() > 0)) {
            return true;   // GPU trials run in workers, which read back the device
        }
        double typical = typicalSeconds(learner.id());
        return typical == 0 || typical >= QUICK_SECONDS;
    }

    /** Median fit time of the completed trials of {@code learner}, or 0 if none completed yet. */
    private double typicalSeconds(String learner) {
        List<Double> seconds = new ArrayList<>(fitSeconds.getOrDefault(learner, List.of()));
        if (seconds.isEmpty()) {
            return 0;
        }
        seconds.sort(null);
        return seconds.get(seconds.size() / 2);
    }

    @Override
    public void close() {
        List<Pending> waiting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            waiting = new ArrayList<>(queue);
            queue.clear();
        }
        waiting.forEach(p -> p.outcome.complete(new TrialOutcome.Cancelled()));
        inProcess.close();
        if (workers != null) {
            workers.close();
        }
    }
}
