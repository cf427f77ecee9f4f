package automl4j;

/**
 * Bad input data: a data file that is missing, unreadable or malformed, a target column that is absent or unusable (only
 * missing values, a single class, non-numeric regression values), a cell that does not fit its column (a number
 * column's text, an infinite value, a label the model does not know), or rows that lack an input column a model needs.
 * The message names the file (or the table's source), the row and the column where they are known, for example
 * {@code column 'age' row 3 must be a number, but was 'x'}.
 */
public class DataException extends AutoMlException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the file, row and column where known. */
    public DataException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
