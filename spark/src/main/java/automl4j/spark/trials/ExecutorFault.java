package automl4j.spark.trials;

/**
 * Fails a trial's Spark task because the executor's JVM is unwell (an {@link Error} that is not the learner's own doing),
 * so that the driver treats it like a lost executor: it retries the trial once, then records it {@code crashed}.
 */
final class ExecutorFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecutorFault(String message, Throwable cause) {
        super(message, cause);
    }
}
