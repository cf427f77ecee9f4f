package automl4j;

import java.util.Objects;

/**
 * A bad setting value or config key: {@link #key()} is the key at fault (such as {@code search.ensemble_rounds}, the
 * same name in the config file and the builder), and the message says what was expected and what was given, naming
 * the key where the setting has one, for example {@code search.ensemble_rounds must be from 0 to 10000, but was -1}.
 * Thrown by the settings builders ({@link AutoMl.Builder}, the tabular featurizer's options, CSV read options), by the
 * look-ups of plug-ins and labels by name (metric, searcher, learner, task, column kind), and when a fit finds a
 * setting that does not fit the data's task (a regression metric for a classification target, learners none of which
 * supports the task).
 */
public class ConfigException extends AutoMlException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /**
     * An exception about {@code key}.
     *
     * @param key     the setting or config key at fault, such as {@code budget.seconds}
     * @param message the whole message, naming the key and what was expected
     */
    public ConfigException(String key, String message) {
        this(key, message, null);
    }

    /**
     * An exception about {@code key} with a cause.
     *
     * @param key     the setting or config key at fault
     * @param message the whole message, naming the key and what was expected
     * @param cause   the underlying exception, or null
     */
    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The setting or config key at fault, such as {@code budget.seconds} or {@code metric}. */
    public String key() {
        return key;
    }
}
