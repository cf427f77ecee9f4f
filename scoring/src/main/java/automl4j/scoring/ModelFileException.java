package automl4j.scoring;

/**
 * A model file that cannot be used: missing, unreadable, not a zip, damaged, over a limit, or holding a field of the
 * wrong type. Its message is one line naming the file, the entry (when one is at fault) and what is wrong, in the
 * engine's words ({@code automl4j.export.ModelFileException}). Unchecked, as the engine's is: a damaged file is a
 * problem of the file, not a failure to read it that a caller could retry.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String entry;

    ModelFileException(String file, String entry, String problem, Throwable cause) {
        super(((entry == null ? file + ": " : file + ": entry " + entry + ": ") + problem).replaceAll("[\\r\\n]+", " "), cause);
        this.file = file;
        this.entry = entry;
    }

    /** The file's name as given to the reader. */
    public String file() {
        return file;
    }

    /** The entry at fault, or null when the whole file is. */
    public String entry() {
        return entry;
    }
}
