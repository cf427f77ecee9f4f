package automl4j.registry;

/**
 * A registry operation that failed: the database could not be read or written (or stayed locked by another process
 * beyond the busy timeout), or the operation was refused (deleting the production version without force, a rollback
 * without an earlier production version, a model name that cannot be a folder). The message says which.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what failed, naming the model, version, run or file
     */
    public RegistryException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} caused by {@code cause}.
     *
     * @param message what failed, naming the model, version, run or file
     * @param cause   the database's or file system's error
     */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
