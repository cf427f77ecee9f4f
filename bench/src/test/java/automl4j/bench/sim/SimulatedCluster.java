package automl4j.bench.sim;

import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster of {@code slots} task slots whose trials finish at once: a {@link TrialRunner} for measuring what the driver
 * (the search loop, the searcher, the journal and the leaderboard) costs per trial when the trials cost nothing. Each
 * trial's score is a fixed function of its config, so the searcher has a landscape to work on; outcomes are completed
 * on two threads, as a real runner's come back from the executors on its own threads.
 */
final class SimulatedCluster implements TrialRunner {
    private final int slots;
    private final ExecutorService completions = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "simulated-executor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger submitted = new AtomicInteger();
    private volatile boolean closed;

    SimulatedCluster(int slots) {
        this.slots = slots;
    }

    @Override
    public int capacity() {
        return slots;
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        if (closed) {
            throw new IllegalStateException("the simulated cluster is closed");
        }
        submitted.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> new TrialOutcome.Completed(score(task), 0, 0.001, 1, "cpu"), completions);
    }

    /** A smooth score of the config's numbers, so that the searcher's model has something to fit. */
    private static double score(TrialTask task) {
        double s = 0.8 + 0.05 * Math.floorMod(task.config().learner().hashCode(), 5) / 5.0;
        for (Object v : task.config().values().values()) {
            if (v instanceof Number n) {
                double x = Math.log1p(Math.abs(n.doubleValue()));
                s -= 0.01 * (x - 1) * (x - 1) / (1 + x * x);
            }
        }
        return s;
    }

    /** Trials submitted so far. */
    int submitted() {
        return submitted.get();
    }

    @Override
    public void close() {
        closed = true;
        completions.shutdownNow();
    }
}
