package automl4j.execute;

import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials in this JVM, each in a fresh {@link java.util.concurrent.ForkJoinPool} of its
 * {@link TrialTask#threads()} daemon threads (see {@link TrialExecutor}), at most {@link TrialExecutor#slots()} at once.
 * A trial past its hard deadline is abandoned: its slot is freed and its thread left to finish as a daemon (a fit in
 * native code cannot be interrupted; the worker-process runner kills such fits instead). Learners and metrics are the
 * engine's own instances, found by id, so a user's anonymous learner or metric runs here. Thread-safe.
 */
public final class InProcessRunner implements TrialRunner {
    private final TrialExecutor executor;
    private final SplitStore splits;
    private final Map<String, Learner> learners;
    private final Map<String, Metric> metrics;
    private final PredictionSink sink;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final List<CompletableFuture<TrialOutcome>> running = new ArrayList<>();
    private boolean closed;

    /**
     * A runner of {@code executor}'s slots over {@code splits}.
     *
     * @param learners the learners by id
     * @param metrics  the metrics by id
     * @param sink     receives the validation predictions of tasks that want them
     */
    public InProcessRunner(TrialExecutor executor, SplitStore splits, Map<String, Learner> learners, Map<String, Metric> metrics,
                           PredictionSink sink) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.splits = Objects.requireNonNull(splits, "splits");
        this.learners = Map.copyOf(learners);
        this.metrics = Map.copyOf(metrics);
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    private record Queued(TrialTask task, CompletableFuture<TrialOutcome> outcome) {
    }

    @Override
    public int capacity() {
        return executor.slots();
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("trial " + task.trialId() + " submitted to a closed in-process runner");
            }
            queue.add(new Queued(task, outcome));
            drain();
        }
        return outcome;
    }

    /** Starts queued trials while slots are free. */
    private synchronized void drain() {
        while (!closed && running.size() < executor.slots() && !queue.isEmpty()) {
            Queued q = queue.poll();
            if (!q.outcome().isDone()) {
                running.add(q.outcome());
                start(q.task(), q.outcome());
            }
        }
    }

    private void start(TrialTask task, CompletableFuture<TrialOutcome> outcome) {
        long start = System.nanoTime();
        long soft = task.deadline().soft(start);
        CompletableFuture<TrialOutcome> work = executor.start(() -> evaluate(task, soft), task.threads());
        work.whenComplete((o, e) -> outcome.complete(o != null ? o : Failures.of(task, e, (System.nanoTime() - start) / 1e9)));
        outcome.whenComplete((o, e) -> {
            work.cancel(true);   // abandoned at the deadline, cancelled or closed: the thread is left to finish
            synchronized (this) {
                running.remove(outcome);
                drain();
            }
        });
        Deadlines.at(task.deadline().hard(start), () -> outcome.complete(task.deadline().overrun(start, (System.nanoTime() - start) / 1e9)));
    }

    private TrialOutcome evaluate(TrialTask task, long softDeadline) {
        Learner learner = learners.get(task.learnerId());
        if (learner == null) {
            throw new IllegalStateException("learner '" + task.learnerId() + "' is not among this runner's learners " + learners.keySet());
        }
        Metric metric = metrics.get(task.metricId());
        if (metric == null) {
            throw new IllegalStateException("metric '" + task.metricId() + "' is not among this runner's metrics " + metrics.keySet());
        }
        return new TrialEvaluator(metric).evaluate(task, learner, splits.splits(task.splitSetKey()), softDeadline, FitContext.CPU, sink);
    }

    @Override
    public void close() {
        List<CompletableFuture<TrialOutcome>> ended = new ArrayList<>();
        synchronized (this) {
            closed = true;
            queue.forEach(q -> ended.add(q.outcome()));
            queue.clear();
            ended.addAll(running);
        }
        ended.forEach(f -> f.complete(new TrialOutcome.Cancelled()));
    }
}
