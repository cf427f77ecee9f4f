package automl4j.learn;

/**
 * How a learner should fit: its seed, the threads it may use, the time by which it must return, and optionally the
 * validation rows it will be scored on.
 *
 * @param seed          seed for every random choice of the fit
 * @param threads       threads the learner may use, at least 1 (the executor's slot size)
 * @param deadlineNanos {@link System#nanoTime()} value by which the fit should end; learners that train in rounds
 *                      stop early and return what they have; {@link Long#MAX_VALUE} means none
 * @param validation    the rows the fitted model will be scored on, or null (the final refit has none); a learner
 *                      that trains in rounds may stop when they stop improving (early stopping) and report the rounds
 *                      it kept in {@link FittedModel#refitSettings()}
 * @param device        where to train: {@value #CPU}, or {@code cuda:N} for a learner that {@link LearnerTraits#usesGpu()}
 *                      when the executor gave the trial GPU {@code N}
 */
public record FitContext(long seed, int threads, long deadlineNanos, TrainingSet validation, String device) {
    /** The device of every fit that was not given a GPU. */
    public static final String CPU = "cpu";

    public FitContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
        }
        java.util.Objects.requireNonNull(device, "device");
    }

    /** A context on the CPU. */
    public FitContext(long seed, int threads, long deadlineNanos, TrainingSet validation) {
        this(seed, threads, deadlineNanos, validation, CPU);
    }

    /** A context on the CPU without validation rows. */
    public FitContext(long seed, int threads, long deadlineNanos) {
        this(seed, threads, deadlineNanos, null);
    }

    /** A context with no deadline and no validation rows. */
    public static FitContext of(long seed, int threads) {
        return new FitContext(seed, threads, Long.MAX_VALUE);
    }

    /** This context with {@code validation} rows for early stopping. */
    public FitContext withValidation(TrainingSet validation) {
        return new FitContext(seed, threads, deadlineNanos, validation, device);
    }

    /** This context on {@code device} ({@value #CPU} or {@code cuda:N}). */
    public FitContext onDevice(String device) {
        return new FitContext(seed, threads, deadlineNanos, validation, device);
    }

    /** True once the deadline has passed. */
    public boolean pastDeadline() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }
}
