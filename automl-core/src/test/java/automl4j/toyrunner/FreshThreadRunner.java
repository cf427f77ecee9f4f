package automl4j.toyrunner;

import automl4j.execute.PluginRegistry;
import automl4j.execute.PredictionSink;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialEvaluator;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialTask;
import automl4j.learn.FitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A toy {@link TrialRunner} written outside {@code automl4j.execute} with its public types only, as a runner in
 * another module (a Spark one) would be: every trial runs on a fresh thread, which first waits for one of
 * {@code capacity} permits; plug-ins are rebuilt by id through {@link PluginRegistry}, splits come from the
 * {@link SplitStore}, and {@link TrialEvaluator} fits and scores.
 */
public final class FreshThreadRunner implements TrialRunner {
    private final int capacity;
    private final Semaphore permits;
    private final SplitStore splits;
    private final PluginRegistry plugins = PluginRegistry.discovered();
    private final List<CompletableFuture<TrialOutcome>> open = new ArrayList<>();
    private boolean closed;

    /** A runner of {@code capacity} trials at once over {@code splits}. */
    public FreshThreadRunner(int capacity, SplitStore splits) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity, true);
        this.splits = splits;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized CompletableFuture<TrialOutcome> submit(TrialTask task) {
        if (closed) {
            throw new IllegalStateException("trial " + task.trialId() + " submitted to a closed fresh-thread runner");
        }
        CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
        open.add(outcome);
        Thread t = new Thread(() -> run(task, outcome), "toy-trial-" + task.trialId());
        t.setDaemon(true);
        t.start();
        return outcome;
    }

    private void run(TrialTask task, CompletableFuture<TrialOutcome> outcome) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            outcome.complete(new TrialOutcome.Cancelled());
            return;
        }
        outcome.whenComplete((o, e) -> permits.release());
        if (outcome.isDone()) {
            return;   // closed while it waited
        }
        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> outcome.complete(task.deadline().overrun(start, (System.nanoTime() - start) / 1e9)),
                CompletableFuture.delayedExecutor(Math.max(0, task.deadline().hard(start) - start), TimeUnit.NANOSECONDS));
        try {
            TrialOutcome o = new TrialEvaluator(plugins.metric(task.metricId())).evaluate(task, plugins.learner(task.learnerId()),
                    splits.splits(task.splitSetKey()), task.deadline().soft(start), FitContext.CPU, PredictionSink.NONE);
            outcome.complete(o);
        } catch (RuntimeException e) {
            outcome.complete(new TrialOutcome.Failed("trial " + task.trialId() + " (" + task.config() + ") failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), (System.nanoTime() - start) / 1e9));
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<TrialOutcome>> ending;
        synchronized (this) {
            closed = true;
            ending = List.copyOf(open);
        }
        ending.forEach(f -> f.complete(new TrialOutcome.Cancelled()));
    }
}
