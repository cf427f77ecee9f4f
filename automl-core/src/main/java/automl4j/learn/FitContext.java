package automl4j.learn;

/**
 * How a learner should fit: its seed, the threads it may use, and the time by which it must return.
 *
 * @param seed          seed for every random choice of the fit
 * @param threads       threads the learner may use, at least 1 (the executor's slot size)
 * @param deadlineNanos {@link System#nanoTime()} value by which the fit should end; learners that train in rounds
 *                      stop early and return what they have; {@link Long#MAX_VALUE} means none
 */
public record FitContext(long seed, int threads, long deadlineNanos) {
    public FitContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
        }
    }

    /** A context with no deadline. */
    public static FitContext of(long seed, int threads) {
        return new FitContext(seed, threads, Long.MAX_VALUE);
    }

    /** True once the deadline has passed. */
    public boolean pastDeadline() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }
}
