package automl4j;

/**
 * The base of the library's own errors: catching it catches every error a user of the public API (the {@link AutoMl}
 * builder and its runs, {@link AutoMlModel#load}, {@link AutoMlModel#predict} and its scoring, the settings, reading data
 * files with {@code automl4j.datasets}) can cause by what they configure or feed in. Unchecked. Its kinds:
 *
 * <ul>
 *   <li>{@link ConfigException}: a bad setting value or config key, such as {@code budget.seconds} of 0, an unknown
 *       metric, searcher, learner id or task label, a featurizer or CSV option out of range, a metric that does not fit
 *       the task; its message and {@link ConfigException#key()} name the key and say what was expected.</li>
 *   <li>{@link DataException}: bad input data, such as a missing or malformed data file, an absent or unusable target
 *       column, a cell that does not fit its column's kind, an input column a model needs that the rows lack; its
 *       message names the file, row and column where they are known. {@code automl4j.datasets.DataFormatException}
 *       (a data file that cannot be read) is one.</li>
 *   <li>{@link automl4j.export.ModelFileException}: a model file that cannot be loaded (missing, unreadable, damaged,
 *       over a size limit, or holding contents a featurizer or learner refuses), naming the file and the entry.</li>
 *   <li>{@link automl4j.journal.JournalException}: a run journal that cannot be read or does not fit the run that wants
 *       to resume from it.</li>
 *   <li>{@code AutoMlException} itself: a run that yielded no model, because every trial failed with an error or the
 *       final refit failed; the message lists the first failures.</li>
 * </ul>
 *
 * <p>Not {@code AutoMlException}s, because they are mistakes in the calling code rather than in the configuration or the
 * data: a null argument ({@link NullPointerException}); an argument that breaks a method's contract in code, such as a
 * negative count, arrays of different lengths or a column index out of range ({@link IllegalArgumentException},
 * {@link IndexOutOfBoundsException}); a call in the wrong state, such as {@code resume} without a journal
 * ({@link IllegalStateException}). A real I/O error while writing a file stays an {@link java.io.IOException}
 * ({@code AutoMlModel.exportTo}, reports), or an {@link java.io.UncheckedIOException} where the method declares none
 * (the run journal). An error inside a learner or featurizer during a trial is not thrown at all: the trial fails and
 * the leaderboard says why.
 */
public class AutoMlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public AutoMlException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public AutoMlException(String message, Throwable cause) {
        super(message, cause);
    }
}
