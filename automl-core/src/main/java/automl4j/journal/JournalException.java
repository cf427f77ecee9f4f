package automl4j.journal;

import automl4j.AutoMlException;

/**
 * A journal cannot be read or does not fit the run that wants to resume from it; the message says why and where. One of
 * the library's {@link AutoMlException}s.
 */
public final class JournalException extends AutoMlException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public JournalException(String message) {
        super(message);
    }
}
