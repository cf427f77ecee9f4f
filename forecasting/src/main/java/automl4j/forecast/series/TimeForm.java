package automl4j.forecast.series;

/** How the cells of a time column are written; forecasts are labelled the same way. */
public enum TimeForm {
    /** Whole numbers: period 1, 2, 3 (or years written as 1990). */
    INTEGER,
    /** Quarters written {@code 1990-Q1}. */
    QUARTER,
    /** Months written {@code 1990-01}. */
    MONTH,
    /** Dates (ISO {@code 1990-01-31} or one of the featurizer's date patterns, or a date column). */
    DATE,
    /** Dates with a time of day. */
    DATE_TIME
}
