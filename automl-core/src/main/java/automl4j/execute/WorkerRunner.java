package automl4j.execute;

import automl4j.learn.FitContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials in worker JVMs of their own (see {@code WorkerPool}), so that a fit that crashes its JVM, exhausts its
 * heap or never returns costs one worker, not the run. Each split set is shipped once, as a file the workers read
 * once; learners and metrics are rebuilt there by id ({@link PluginRegistry}), so they must be listed in a services
 * file. A trial past its hard deadline has its worker killed. Thread-safe.
 */
public final class WorkerRunner implements TrialRunner {
    private final WorkerPool pool;
    private final int capacity;
    private final PredictionSink sink;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final List<CompletableFuture<TrialOutcome>> running = new ArrayList<>();
    private boolean closed;

    /**
     * A runner of {@code workers} worker processes of {@code heapMb} MiB heap each, whose JVMs start now.
     *
     * @throws java.io.UncheckedIOException if the processes cannot be prepared or started
     */
    public WorkerRunner(int workers, int heapMb, SplitStore splits, PredictionSink sink) {
        if (workers < 1 || heapMb < 16) {
            throw new IllegalArgumentException("worker runner needs >= 1 worker of >= 16 MiB heap, but got " + workers
                    + " of " + heapMb + " MiB");
        }
        this.capacity = workers;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.pool = new WorkerPool(workers, heapMb, splits, WorkerClassArchive.forThisJvm());
        try {
            pool.launchAll();
        } catch (IOException e) {
            pool.close();
            throw new java.io.UncheckedIOException("cannot start worker processes: " + e.getMessage(), e);
        }
    }

    private record Queued(TrialTask task, String device, CompletableFuture<TrialOutcome> outcome) {
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** Heap of each worker in MiB. */
    public int heapMb() {
        return pool.heapMb();
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        return submit(task, FitContext.CPU);
    }

    /** Like {@link #submit(TrialTask)}, with every fit on {@code device} ({@code cpu} or {@code cuda:N}). */
    CompletableFuture<TrialOutcome> submit(TrialTask task, String device) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("trial " + task.trialId() + " submitted to a closed worker runner");
            }
            queue.add(new Queued(task, device, outcome));
            drain();
        }
        return outcome;
    }

    /** Waits until a worker is connected and idle, so that a trial submitted next starts at once. */
    void ready() throws IOException {
        pool.ready();
    }

    private synchronized void drain() {
        while (!closed && running.size() < capacity && !queue.isEmpty()) {
            Queued q = queue.poll();
            if (!q.outcome().isDone()) {
                running.add(q.outcome());
                start(q);
            }
        }
    }

    private void start(Queued q) {
        TrialTask task = q.task();
        CompletableFuture<TrialOutcome> outcome = q.outcome();
        long start = System.nanoTime();
        try {
            pool.ready();   // the wait for a worker's JVM is not the trial's time
            start = System.nanoTime();
            long begun = start;
            pool.submit(task, q.device(), task.deadline().soft(start)).whenComplete((r, e) -> {
                if (r != null && r.predictions() != null) {
                    sink.accept(task.trialId(), task.learnerId(), r.loss(), r.predictions());
                }
                outcome.complete(r != null ? r.outcome() : Failures.of(task, e, (System.nanoTime() - begun) / 1e9));
            });
        } catch (IOException | RuntimeException e) {
            outcome.complete(Failures.of(task, e, (System.nanoTime() - start) / 1e9));
        }
        long begun = start;
        outcome.whenComplete((o, e) -> {
            if (!(o instanceof TrialOutcome.Completed) && !(o instanceof TrialOutcome.Pruned)
                    && !(o instanceof TrialOutcome.Failed) && !(o instanceof TrialOutcome.OutOfMemory)
                    && !(o instanceof TrialOutcome.Crashed)) {
                pool.kill(task);   // timed out, cancelled or closed: its worker goes, and is replaced on the next trial
            }
            synchronized (this) {
                running.remove(outcome);
                drain();
            }
        });
        Deadlines.at(task.deadline().hard(begun), () -> outcome.complete(task.deadline().overrun(begun, (System.nanoTime() - begun) / 1e9)));
    }

    @Override
    public void close() {
        List<CompletableFuture<TrialOutcome>> ended = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.forEach(q -> ended.add(q.outcome()));
            queue.clear();
            ended.addAll(running);
        }
        ended.forEach(f -> f.complete(new TrialOutcome.Cancelled()));
        pool.close();
    }
}
