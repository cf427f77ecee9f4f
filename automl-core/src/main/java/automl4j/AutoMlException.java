package automl4j;

/** A run yielded no model: every trial failed, or the final refit failed. The message lists the first failures. */
public class AutoMlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public AutoMlException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public AutoMlException(String message, Throwable cause) {
        super(message, cause);
    }
}
