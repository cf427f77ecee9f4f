package automl4j.engine;

import automl4j.AutoMlException;

/**
 * The engine yielded no model: every trial failed, the final refit failed, or the run was interrupted. The message lists
 * the first failures. {@code automl4j.AutoMl} reports it to users as an {@code AutoMlException} with the same message
 * and cause.
 */
public final class NoModelException extends AutoMlException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what failed, with the first failures
     */
    public NoModelException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed
     * @param cause   why
     */
    public NoModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
