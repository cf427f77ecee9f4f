package automl4j.execute;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials in parallel on a fixed number of slots, each slot worth a fixed number of threads, so the run never
 * uses more cores than it was given: a learner's own threads count against its slot. Each trial runs in its own
 * {@link ForkJoinPool} of its slot's size, so libraries that use parallel streams (Smile) stay inside the slot.
 * The slots and threads a user sets ({@code AutoMl.builder().executor(...)}); {@link InProcessRunner} runs trials on
 * them, and the worker processes are as many as the slots (plus one per GPU).
 */
public final class TrialExecutor {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int slots;
    private final int threadsPerTrial;

    private TrialExecutor(int slots, int threadsPerTrial) {
        if (slots < 1 || threadsPerTrial < 1) {
            throw new IllegalArgumentException("slots and threads per trial must be >= 1, but were " + slots + " and " + threadsPerTrial);
        }
        this.slots = slots;
        this.threadsPerTrial = threadsPerTrial;
    }

    /** One single-threaded slot per core. */
    public static TrialExecutor ofCores(int cores) {
        return new TrialExecutor(cores, 1);
    }

    /** {@code slots} slots of {@code threadsPerTrial} threads each. */
    public static TrialExecutor of(int slots, int threadsPerTrial) {
        return new TrialExecutor(slots, threadsPerTrial);
    }

    /** Number of trials that run at once. */
    public int slots() {
        return slots;
    }

    /** Threads each trial may use. */
    public int threadsPerTrial() {
        return threadsPerTrial;
    }

    /** Cores in all: slots times threads per trial. */
    public int cores() {
        return slots * threadsPerTrial;
    }

    /**
     * Starts {@code task} on a fresh {@link ForkJoinPool} of {@code threads} daemon threads, so that a library's
     * parallel streams stay inside the slot; the pool shuts down when the task is done. Cancelling the future does
     * not stop the task: its thread finishes as a daemon.
     *
     * @return the task's result, or what it threw
     */
    public <T> CompletableFuture<T> start(Callable<T> task, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("automl4j-trial-" + POOLS.incrementAndGet());
            return t;
        }, null, false);
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                pool.shutdown();
            }
        });
        return result;
    }
}
