package automl4j.execute;

/**
 * Turns what a trial's evaluation threw into its outcome, the same for every runner (a runner outside the core too):
 * {@link TrialOutcome.OutOfMemory} for an {@link OutOfMemoryError}, else {@link TrialOutcome.Failed} with a message
 * that names the trial, its config and the exception. Stateless and thread-safe.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * The outcome of {@code task} whose evaluation threw {@code cause} (unwrapped from completion and execution
     * exceptions): out of memory, or failed with its message.
     *
     * @param seconds time until it failed
     */
    public static TrialOutcome of(TrialTask task, Throwable cause, double seconds) {
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replace('\n', ' ');
        if (cause instanceof OutOfMemoryError) {
            return new TrialOutcome.OutOfMemory("trial " + task.trialId() + " (" + task.config() + ") ran out of memory: "
                    + message + " (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)", seconds);
        }
        return new TrialOutcome.Failed("trial " + task.trialId() + " (" + task.config() + ") failed: " + message, seconds);
    }
}
