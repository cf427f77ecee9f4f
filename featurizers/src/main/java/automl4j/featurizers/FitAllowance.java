package automl4j.featurizers;

import automl4j.data.Cells;
import tech.tablesaw.columns.Column;

/**
 * What one fit of the {@link TabularFeaturizer} may do in the time it is allowed (issue 14): how many documents a
 * text column's vocabulary is fitted on, and how many rows the leakage check scores. Both follow from the allowance
 * and the data alone, never from the clock, so the same run featurizes the same way on any machine. The rates are
 * deliberately low (a busy 2-core machine): counting the n-grams of {@value #TEXT_CHARS_PER_SECOND} characters of text
 * per second, scoring {@value #LEAKAGE_ROWS_PER_SECOND} rows per second for all columns together.
 *
 * @param seconds the time one fit may take; {@link Double#POSITIVE_INFINITY} for no limit
 */
record FitAllowance(double seconds) {
    /** No limit: everything is fitted on every row. */
    static final FitAllowance UNLIMITED = new FitAllowance(Double.POSITIVE_INFINITY);
    /** Characters of text whose vocabulary is counted per second of the allowance. */
    static final double TEXT_CHARS_PER_SECOND = 2_000_000;
    /** Fewest documents a vocabulary is fitted on. */
    static final int MIN_DOCUMENTS = 200;
    /** Rows the leakage check scores per second of the allowance. */
    static final double LEAKAGE_ROWS_PER_SECOND = 50_000;
    /** Fewest rows the leakage check scores. */
    static final int MIN_LEAKAGE_ROWS = 2_000;

    FitAllowance {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time allowance must be > 0 s, but was " + seconds);
        }
    }

    /** The allowance of {@code seconds}. */
    static FitAllowance of(double seconds) {
        return new FitAllowance(seconds);
    }

    /** Rows the leakage check may score when fitting on {@code rows} rows. */
    int leakageRows(int rows) {
        if (Double.isInfinite(seconds)) {
            return rows;
        }
        return (int) Math.min(rows, Math.max(MIN_LEAKAGE_ROWS, Math.floor(seconds * LEAKAGE_ROWS_PER_SECOND)));
    }

    /**
     * The rows of {@code rows} a text column's vocabulary is fitted on: all of them if their text fits the allowance,
     * else an evenly spread subset (every k-th row, so the sample is fixed by the data) of at least
     * {@value #MIN_DOCUMENTS} documents.
     */
    int[] vocabularyDocuments(Column<?> column, int[] rows) {
        if (Double.isInfinite(seconds) || rows.length <= MIN_DOCUMENTS) {
            return rows;
        }
        long chars = 0;
        for (int r : rows) {
            String s = Cells.text(column, r);
            chars += s == null ? 0 : s.length();
        }
        double affordable = seconds * TEXT_CHARS_PER_SECOND;
        if (chars <= affordable) {
            return rows;
        }
        int n = (int) Math.max(MIN_DOCUMENTS, Math.floor(rows.length * affordable / chars));
        if (n >= rows.length) {
            return rows;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows[(int) ((long) i * rows.length / n)];
        }
        return out;
    }
}
