package automl4j.featurizers;

import automl4j.DataException;
import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * Infers a column's kind from the training rows. The rules, in order (also in the README):
 * <ol>
 * <li>no value → all-missing; one distinct value → constant;</li>
 * <li>a Tablesaw boolean column, or text with exactly the two values of a pair such as true/false, yes/no, y/n, t/f
 * (any case) → boolean;</li>
 * <li>a Tablesaw date, date-time or instant column, or text whose sampled values all read as one date pattern
 * ({@link DateFormats}) → datetime;</li>
 * <li>every value a finite number, or all but a few: at most {@value #NON_NUMERIC_SHARE} of the present cells not
 * numbers (such as {@code NaN}, {@code n/a} or {@code 0,5}; they are read as missing and reported by a guardrail) → numeric,
 * unless it is an integer key: strictly increasing integers
 * in row order (more than 20 rows), or distinct integers in a column named like an id ({@code id}, {@code *_id},
 * {@code fooId}, {@code key}, {@code uuid}, {@code index}) → ID-like;</li>
 * <li>text with more than 5 words on average, or more than half distinct with more than 2 words → text;</li>
 * <li>every value distinct (more than 20 rows), or at least 99% distinct single tokens (more than 100 rows) → ID-like;</li>
 * <li>at most {@code oneHotMax} distinct values → categorical; otherwise high-cardinality.</li>
 * </ol>
 */
final class KindDetector {
    private static final Pattern ID_NAME = Pattern.compile("(?i:(.*[_\\- .])?(id|key|uuid|guid|index|row))|.*[a-z](Id|ID)");
    private static final Set<Set<String>> BOOLEAN_PAIRS = Set.of(Set.of("true", "false"), Set.of("yes", "no"),
            Set.of("y", "n"), Set.of("t", "f"));

    /** Largest share of a column's present cells that may fail to read as numbers in a column still detected numeric. */
    static final double NON_NUMERIC_SHARE = 0.05;

    private KindDetector() {
    }

    /**
     * The kind of {@code column} on {@code rows}.
     *
     * @throws DataException if a numeric column holds an infinite value (naming the column and row)
     */
    static ColumnKind detect(CodedColumn coded, int oneHotMax) {
        Column<?> column = coded.column;
        int present = coded.rows - coded.missing;
        if (present == 0) {
            return ColumnKind.ALL_MISSING;
        }
        if (coded.isTypedNumeric()) {
            return numericKind(column, coded.numbers(), coded.tableRows, () -> distinctNumbers(coded.numbers()));
        }
        if (coded.distinct() == 1) {
            return ColumnKind.CONSTANT;
        }
        if (column.type() == ColumnType.BOOLEAN) {
            return ColumnKind.BOOLEAN;
        }
        if (DateFormats.isTyped(column)) {
            return ColumnKind.DATETIME;
        }
        if (coded.distinct() == 2 && isBooleanPair(java.util.Set.copyOf(coded.levels))) {
            return ColumnKind.BOOLEAN;
        }
        boolean numeric = true;
        double tokens = 0;
        int singleTokens = 0;
        int nonNumeric = 0;
        for (int l = 0; l < coded.distinct() && nonNumeric <= NON_NUMERIC_SHARE * present; l++) {
            if (Double.isNaN(Cells.parse(coded.levels.get(l)))) {
                nonNumeric += coded.counts[l];
            }
        }
        numeric = nonNumeric == 0 || (nonNumeric <= NON_NUMERIC_SHARE * present && nonNumeric < present);
        if (numeric) {
            return numericKind(column, coded.numbers(), coded.tableRows, coded::distinct);
        }
        if (DateFormats.detect(coded.sample(DateFormats.SAMPLE)) != null) {
            return ColumnKind.DATETIME;
        }
        for (int l = 0; l < coded.distinct(); l++) {
            int words = wordCount(coded.levels.get(l));
            tokens += (double) words * coded.counts[l];
            if (words == 1) {
                singleTokens += coded.counts[l];
            }
        }
        double meanTokens = tokens / present;
        int distinct = coded.distinct();
        if (meanTokens > 5 || (distinct > 0.5 * present && meanTokens > 2)) {
            return ColumnKind.TEXT;
        }
        if ((distinct == present && present > 20) || (present > 100 && distinct >= 0.99 * present && singleTokens == present)) {
            return ColumnKind.ID_LIKE;
        }
        return distinct <= oneHotMax ? ColumnKind.CATEGORICAL : ColumnKind.HIGH_CARDINALITY;
    }

    private static int distinctNumbers(double[] values) {
        return (int) java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).distinct().count();
    }

    /** The text pattern of a datetime column, or null for a typed date column. */
    static String datePattern(Column<?> column, int[] rows) {
        if (DateFormats.isTyped(column)) {
            return null;
        }
        List<String> sample = new ArrayList<>();
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s != null) {
                sample.add(s);
                if (sample.size() == DateFormats.SAMPLE) {
                    break;
                }
            }
        }
        String p = DateFormats.detect(sample);
        if (p == null) {
            throw new DataException("column '" + column.name() + "' is declared a datetime column, but its values "
                    + (sample.isEmpty() ? "are all missing" : "such as '" + sample.get(0) + "' fit none of the date patterns "
                    + DateFormats.PATTERNS));
        }
        return p;
    }

    /** True if the two values are a boolean pair such as yes/no (any case). */
    static boolean isBooleanPair(Set<String> values) {
        Set<String> lower = new java.util.HashSet<>();
        values.forEach(v -> lower.add(v.strip().toLowerCase(Locale.ROOT)));
        return BOOLEAN_PAIRS.contains(lower);
    }

    private static ColumnKind numericKind(Column<?> column, double[] values, int[] tableRows,
                                          java.util.function.IntSupplier distinct) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int present = 0;
        boolean integers = true;
        boolean increasing = true;
        double previous = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(v)) {
                increasing = false;
                continue;
            }
            present++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            integers &= v == Math.rint(v);
            if (!Double.isNaN(previous)) {
                increasing &= v > previous;
            }
            previous = v;
        }
        if (Double.isInfinite(min) || Double.isInfinite(max)) {
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new DataException("column '" + column.name() + "' row " + (tableRows[i] + 1)
                            + " must be a finite number, but was " + values[i]);
                }
            }
        }
        if (present == 0) {
            return ColumnKind.ALL_MISSING;
        }
        if (min == max) {
            return ColumnKind.CONSTANT;
        }
        if (integers && values.length > 20 && (increasing
                || (ID_NAME.matcher(column.name().strip()).matches() && distinct.getAsInt() == present))) {
            return ColumnKind.ID_LIKE;
        }
        return ColumnKind.NUMERIC;
    }

    static int wordCount(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }
}
