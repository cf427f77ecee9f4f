package automl4j.featurizers;

import automl4j.data.Cells;
import tech.tablesaw.columns.Column;

/**
 * What one fit of the {@link TabularFeaturizer} may do in the time it is allowed (issue 14): how a text column is
 * featurized ({@link #textPlan}: vocabulary size, word pairs, documents the vocabulary is fitted on; issue 16), and how
 * many rows the leakage check scores. All follow from the allowance and the data alone, never from the clock, so the
 * same run featurizes the same way on any machine. The rates are deliberately low (a busy 2-core machine): counting
 * the n-grams of {@value #TEXT_CHARS_PER_SECOND} characters of text per second, tokenizing
 * {@value #TOKENS_PER_SECOND} words per second ({@value #PAIR_TOKENS_PER_SECOND} with word pairs: measured 1.0-1.3 s
 * and 4 s for the 1.4 M words of 2,000 documents of 700 words on a loaded 2-core machine), scoring
 * {@value #LEAKAGE_ROWS_PER_SECOND} rows per second for all columns together.
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
    /** Words tokenized per second of the allowance, single words only. */
    static final double TOKENS_PER_SECOND = 1_000_000;
    /** Words tokenized per second of the allowance when word pairs are counted too. */
    static final double PAIR_TOKENS_PER_SECOND = 300_000;
    /**
     * Fits whose allowance tokenizing may use: a column is tokenized once per run and the result is shared by the fit
     * on all rows and every validation split's (five by default), so it need not fit in one fit's allowance.
     */
    static final double TOKENIZE_FITS = 3;
    /**
     * Vocabulary entries per second of the allowance: every trial's cost grows with the number of columns (a sparse
     * linear model's weights and gradients, XGBoost's histograms), so a short budget keeps fewer; at 10 s (0.5 s per
     * fit) 5,000, from 20 s on the default of 10,000.
     */
    static final double WORDS_PER_SECOND = 10_000;
    /** Fewest vocabulary entries a budget cuts a text column to (a user's smaller cap stays). */
    static final int MIN_WORDS = 1_000;
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
     * How {@code column} is featurized when fitting on {@code rows}, within {@code options}' caps: all of them on an
     * unlimited allowance; else word pairs only if tokenizing them fits ({@link #TOKENIZE_FITS} allowances at
     * {@link #PAIR_TOKENS_PER_SECOND}), at most {@link #WORDS_PER_SECOND} vocabulary entries per second of the
     * allowance (at least {@link #MIN_WORDS}), fitted on {@link #vocabularyDocuments} of the rows. A longer allowance
     * never gives a smaller plan.
     */
    TextPlan textPlan(Column<?> column, int[] rows, FeaturizerOptions options) {
        long tokens = estimatedWords(column, rows);
        int documents = vocabularyDocuments(column, rows).length;
        if (Double.isInfinite(seconds)) {
            return new TextPlan(options.textWords(), true, documents, rows.length, tokens);
        }
        boolean pairs = tokens <= seconds * TOKENIZE_FITS * PAIR_TOKENS_PER_SECOND;
        int words = (int) Math.min(options.textWords(), Math.max(MIN_WORDS, Math.floor(seconds * WORDS_PER_SECOND)));
        return new TextPlan(words, pairs, documents, rows.length, tokens);
    }

    /** Words in the documents of {@code rows}, counted on an even sample of at most {@value #MIN_DOCUMENTS} of them. */
    static long estimatedWords(Column<?> column, int[] rows) {
        int n = Math.min(rows.length, MIN_DOCUMENTS);
        long words = 0;
        for (int i = 0; i < n; i++) {
            words += wordCount(Cells.text(column, rows[(int) ((long) i * rows.length / n)]));
        }
        return n == 0 ? 0 : Math.round((double) words * rows.length / n);
    }

    /** Runs of letters and digits in {@code s}, as {@link TextTokens#tokens} cuts them (0 for a missing cell). */
    static int wordCount(String s) {
        if (s == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean alnum = Character.isLetterOrDigit(s.charAt(i));
            if (alnum && !inWord) {
                count++;
            }
            inWord = alnum;
        }
        return count;
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
