package automl4j.journal;

/** A journal cannot be read or does not fit the run that wants to resume from it; the message says why and where. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public JournalException(String message) {
        super(message);
    }
}
