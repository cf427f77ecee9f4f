package automl4j.featurizers;

/** What a raw column holds, as inferred from the training rows. */
public enum ColumnKind {
    /** Numbers: imputed with the median, with a missing indicator when values were missing, and standardized. */
    NUMERIC,
    /** A few distinct values: one-hot encoded. */
    CATEGORICAL,
    /** Many distinct values: frequency and frequency-rank codes. */
    HIGH_CARDINALITY,
    /** Free text: a hashed bag of words (TF-IDF comes with the featurization issue). */
    TEXT,
    /** A unique key or a row number: dropped, it cannot generalise. */
    ID_LIKE,
    /** One value only: dropped. */
    CONSTANT,
    /** No value in the training rows: dropped. */
    ALL_MISSING;

    /** True if columns of this kind produce features. */
    public boolean isKept() {
        return this == NUMERIC || this == CATEGORICAL || this == HIGH_CARDINALITY || this == TEXT;
    }
}
