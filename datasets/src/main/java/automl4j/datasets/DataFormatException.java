package automl4j.datasets;

import automl4j.DataException;

/**
 * A data file is malformed or unusable; the message names the file, line and column. The {@link DataException} of
 * reading data files, so one of the library's {@link automl4j.AutoMlException}s.
 */
public class DataFormatException extends DataException {
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
