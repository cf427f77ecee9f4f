package automl4j.datasets;

/** A data file is malformed or unusable; the message names the file, line and column. */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the file and position. */
    public DataFormatException(String message) {
        super(message);
    }

    /** An exception with a message and the I/O cause. */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
