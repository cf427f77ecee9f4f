package automl4j.forecast.pack;

/** A pack file that cannot be read: the message names the file and, where it can, the row and column. */
public class PackFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what is wrong, and where
     */
    public PackFormatException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what is wrong, and where
     * @param cause   the cause
     */
    public PackFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
