package automl4j.featurizers;

import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Infers a column's kind from the training rows. The rules, in order (also in the README):
 * <ol>
 * <li>no value → all-missing; one distinct value → constant;</li>
 * <li>a Tablesaw boolean column, or text with exactly the two values of a pair such as true/false, yes/no, y/n, t/f
 * (any case) → boolean;</li>
 * <li>a Tablesaw date, date-time or instant column, or text whose sampled values all read as one date pattern
 * ({@link DateFormats}) → datetime;</li>
 * <li>every value a finite number → numeric, unless it is an integer key: consecutive or strictly increasing integers
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

    private KindDetector() {
    }

    /**
     * The kind of {@code column} on {@code rows}.
     *
     * @throws IllegalArgumentException if a numeric column holds an infinite value (naming the column and row)
     */
    static ColumnKind detect(Column<?> column, int[] rows, int oneHotMax) {
        if (column.type() == ColumnType.BOOLEAN) {
            return distinctPresent(column, rows, 2) == 0 ? ColumnKind.ALL_MISSING
                    : distinctPresent(column, rows, 2) == 1 ? ColumnKind.CONSTANT : ColumnKind.BOOLEAN;
        }
        if (DateFormats.isTyped(column)) {
            int d = distinctPresent(column, rows, 2);
            return d == 0 ? ColumnKind.ALL_MISSING : d == 1 ? ColumnKind.CONSTANT : ColumnKind.DATETIME;
        }
        if (Cells.isNumericType(column)) {
            return numericKind(column, rows);
        }
        int present = 0;
        boolean numeric = true;
        Map<String, Integer> counts = new HashMap<>();
        List<String> sample = new ArrayList<>();
        double tokens = 0;
        int singleTokens = 0;
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s == null) {
                continue;
            }
            present++;
            counts.merge(s, 1, Integer::sum);
            if (sample.size() < DateFormats.SAMPLE) {
                sample.add(s);
            }
            if (numeric) {
                double v = Cells.parse(s);
                if (Double.isNaN(v)) {
                    numeric = false;
                } else if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("column '" + column.name() + "' row " + (r + 1)
                            + " must be a finite number, but was " + s);
                }
            }
            int words = wordCount(s);
            tokens += words;
            if (words == 1) {
                singleTokens++;
            }
        }
        if (present == 0) {
            return ColumnKind.ALL_MISSING;
        }
        if (counts.size() == 1) {
            return ColumnKind.CONSTANT;
        }
        if (counts.size() == 2 && isBooleanPair(counts.keySet())) {
            return ColumnKind.BOOLEAN;
        }
        if (numeric) {
            return numericKind(column, rows);
        }
        if (DateFormats.detect(sample) != null) {
            return ColumnKind.DATETIME;
        }
        double meanTokens = tokens / present;
        if (meanTokens > 5 || (counts.size() > 0.5 * present && meanTokens > 2)) {
            return ColumnKind.TEXT;
        }
        if ((counts.size() == present && present > 20)
                || (present > 100 && counts.size() >= 0.99 * present && singleTokens == present)) {
            return ColumnKind.ID_LIKE;
        }
        return counts.size() <= oneHotMax ? ColumnKind.CATEGORICAL : ColumnKind.HIGH_CARDINALITY;
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
            throw new IllegalArgumentException("column '" + column.name() + "' is declared a datetime column, but its values "
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

    private static ColumnKind numericKind(Column<?> column, int[] rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int present = 0;
        boolean integers = true;
        boolean increasing = true;
        boolean consecutive = true;
        double previous = Double.NaN;
        NumericColumn<?> typed = column instanceof NumericColumn<?> nc && Cells.isNumericType(column) ? nc : null;
        for (int r : rows) {
            double v = typed != null ? (typed.isMissing(r) ? Double.NaN : typed.getDouble(r)) : Cells.number(column, r);
            if (Double.isNaN(v)) {
                increasing = false;
                consecutive = false;
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("column '" + column.name() + "' row " + (r + 1)
                        + " must be a finite number, but was " + v);
            }
            present++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            integers &= v == Math.rint(v);
            if (!Double.isNaN(previous)) {
                increasing &= v > previous;
                consecutive &= v == previous + 1;
            }
            previous = v;
        }
        if (present == 0) {
            return ColumnKind.ALL_MISSING;
        }
        if (min == max) {
            return ColumnKind.CONSTANT;
        }
        if (integers && rows.length > 20 && (consecutive || increasing || (ID_NAME.matcher(column.name().strip()).matches()
                && distinctPresent(column, rows, Integer.MAX_VALUE) == present))) {
            return ColumnKind.ID_LIKE;
        }
        return ColumnKind.NUMERIC;
    }

    private static int distinctPresent(Column<?> column, int[] rows, int stopAt) {
        Set<String> seen = new java.util.HashSet<>();
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s != null && seen.add(s) && seen.size() >= stopAt) {
                break;
            }
        }
        return seen.size();
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
