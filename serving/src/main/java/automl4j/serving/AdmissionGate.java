package automl4j.serving;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the prediction requests handled at once and those waiting for a turn. A request beyond both is refused at
 * once; a waiting one is refused when its deadline passes. Refusals are 503 with {@code Retry-After}: the server as a
 * whole is overloaded, which a load balancer reads as "try another replica", whereas 429 would blame the client.
 * Thread-safe.
 */
final class AdmissionGate {
    private final Semaphore permits;
    private final int maxConcurrent;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final String full;

    /** Scoring turns: {@code maxConcurrent} at once, {@code maxWaiting} more waiting. */
    AdmissionGate(int maxConcurrent, int maxWaiting) {
        this(maxConcurrent, maxWaiting, "the server is handling as many requests as it may and " + maxWaiting
                + " more are waiting (--max-concurrent, --queue); retry shortly");
    }

    /** A gate whose refusal when full says {@code full}. */
    AdmissionGate(int maxConcurrent, int maxWaiting, String full) {
        this.permits = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
        this.maxWaiting = maxWaiting;
        this.full = full;
    }

    /**
     * Takes a turn, waiting until {@code deadlineNanos} ({@link System#nanoTime()} time) at most; pair with {@link #exit()}.
     *
     * @throws HttpProblem 503 if the queue is full or the deadline passed while waiting
     */
    void enter(long deadlineNanos) {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw overloaded(full);
        }
        try {
            if (!permits.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw overloaded("the request waited its whole timeout (--timeout-ms) for a turn; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded("the server is stopping");
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives the turn back. */
    void exit() {
        permits.release();
    }

    /** Requests holding a turn now. */
    int active() {
        return maxConcurrent - permits.availablePermits();
    }

    /** Requests waiting for a turn now. */
    int waiting() {
        return waiting.get();
    }

    private static HttpProblem overloaded(String message) {
        return new HttpProblem(503, "overloaded", message, "Retry-After", "1");
    }
}
