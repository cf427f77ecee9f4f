package automl4j.featurizers;

import automl4j.ConfigException;
import java.util.Locale;

/** What a raw column holds, as inferred from the training rows or given by the user. */
public enum ColumnKind {
    /** Numbers: imputed (median by default), a missing indicator when values were missing, scaled. */
    NUMERIC,
    /** Two values such as true/false, yes/no, y/n or t/f: one 0/1 feature, plus a missing indicator. */
    BOOLEAN,
    /** At most {@value FeaturizerOptions#DEFAULT_ONE_HOT_MAX} distinct values: one-hot, rare ones grouped. */
    CATEGORICAL,
    /** More distinct values: out-of-fold target encoding plus a frequency code (or what the options choose). */
    HIGH_CARDINALITY,
    /** Dates and times (ISO and common formats, or a Tablesaw date column): calendar parts and elapsed time. */
    DATETIME,
    /** Free text: word and character n-gram TF-IDF plus simple statistics. */
    TEXT,
    /** A unique key or a row number: dropped, it cannot generalise. */
    ID_LIKE,
    /** One value only: dropped. */
    CONSTANT,
    /** No value in the training rows: dropped. */
    ALL_MISSING;

    /** True if columns of this kind produce features. */
    public boolean isKept() {
        return this != ID_LIKE && this != CONSTANT && this != ALL_MISSING;
    }

    /** Lower-case name with dashes, as in reports and config files ({@code high-cardinality}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind named {@code label} (case-insensitive; dashes or underscores).
     *
     * @throws ConfigException (key {@code featurize.kinds}) naming the valid labels
     */
    public static ColumnKind fromLabel(String label) {
        for (ColumnKind k : values()) {
            if (k.label().equalsIgnoreCase(label.strip().replace('_', '-'))) {
                return k;
            }
        }
        throw new ConfigException("featurize.kinds", "unknown column kind '" + label + "'; expected one of "
                + java.util.Arrays.stream(values()).map(ColumnKind::label).toList());
    }
}
