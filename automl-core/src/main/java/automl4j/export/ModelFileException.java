package automl4j.export;

import automl4j.AutoMlException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model file that cannot be loaded: missing, unreadable, not a pipeline file, damaged, over a size limit, or holding
 * contents a featurizer or learner refuses. The only exception {@code automl4j.AutoMlModel.load(Path)} throws; its
 * message is one line naming the file, the entry when one is at fault, and what is wrong, for example
 * {@code model.automl: entry models/0.bin (xgboost): tree 3 has a child index 12 outside its 9 nodes}.
 *
 * <p>Unchecked, an {@link AutoMlException} like the library's other errors; it was an {@link java.io.IOException} before
 * issue 18, so code that caught it as one must now catch it by name (or as {@code AutoMlException}).
 */
public final class ModelFileException extends AutoMlException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String entry;

    /**
     * A problem of {@code file} as a whole ({@code entry} null) or of one of its entries.
     *
     * @param file    the model file
     * @param entry   the zip entry at fault, or null
     * @param problem what is wrong, one line
     * @param cause   the underlying exception, or null
     */
    public ModelFileException(Path file, String entry, String problem, Throwable cause) {
        super(message(file, entry, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.entry = entry;
    }

    private static String message(Path file, String entry, String problem) {
        String text = (entry == null ? file + ": " : file + ": entry " + entry + ": ") + problem;
        return text.replaceAll("[\\r\\n]+", " ");   // one line, whatever a library's message holds
    }

    /** The model file. */
    public Path file() {
        return file;
    }

    /** The entry at fault, if the problem is one entry's. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
