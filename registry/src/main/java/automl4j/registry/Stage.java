package automl4j.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a model version stands. At most one version of a model is in {@link #PRODUCTION} at a time. */
public enum Stage {
    /** Registered, not yet given a stage. */
    NONE,
    /** A candidate under trial. */
    STAGING,
    /** The version that serves; promoting another one archives it. */
    PRODUCTION,
    /** Served once (or set aside); rollback brings the last such production version back. */
    ARCHIVED;

    /** The stage's name as stored and typed on the command line: {@code none}, {@code staging}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The labels of every stage, in order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Stage::label).toList();
    }

    /**
     * The stage labelled {@code label} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the label and the known stages
     */
    public static Stage parse(String label) {
        for (Stage s : values()) {
            if (s.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + label + "'; stages are " + labels());
    }
}
