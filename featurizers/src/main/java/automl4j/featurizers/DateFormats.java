package automl4j.featurizers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * Reads dates and times from text or Tablesaw date columns as seconds since 1970-01-01T00:00 (local time read as UTC,
 * an instant's offset applied). A text column is a date column when every sampled value parses with one of
 * {@link #PATTERNS}; that pattern is then used for every row, so {@code 03/04/2020} is read the same way throughout.
 * Day-first and month-first patterns are tried in the listed order: month-first wins when both fit every value.
 * Public so that the forecasting module reads time columns exactly as the featurizer reads date columns.
 */
public final class DateFormats {
    /** Patterns tried on text columns, in order; "iso" is a fast hand-written reader for ISO 8601 dates and times. */
    public static final List<String> PATTERNS = List.of("iso", "yyyy/MM/dd", "yyyy/MM/dd HH:mm[:ss]", "MM/dd/yyyy",
            "MM/dd/yyyy HH:mm[:ss]", "dd/MM/yyyy", "dd/MM/yyyy HH:mm[:ss]", "dd.MM.yyyy", "dd.MM.yyyy HH:mm[:ss]",
            "d MMM yyyy", "MMM d, yyyy", "d-MMM-yyyy", "yyyyMMdd'T'HHmmss");
    /** Values sampled to choose a text column's pattern. */
    static final int SAMPLE = 200;

    private DateFormats() {
    }

    /** True if {@code column} is a Tablesaw date, date-time or instant column. */
    public static boolean isTyped(Column<?> column) {
        ColumnType t = column.type();
        return t == ColumnType.LOCAL_DATE || t == ColumnType.LOCAL_DATE_TIME || t == ColumnType.INSTANT;
    }

    /** The first pattern that reads every value of {@code sample}, or null if none does (or the sample is empty). */
    public static String detect(List<String> sample) {
        if (sample.isEmpty()) {
            return null;
        }
        for (String p : PATTERNS) {
            boolean all = true;
            for (String s : sample) {
                if (Double.isNaN(parse(s, p))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return p;
            }
        }
        return null;
    }

    /** Seconds since the epoch of cell {@code row}, NaN when missing; for text columns read with {@code pattern}. */
    public static double seconds(Column<?> column, int row, String pattern) {
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        Object v = column.get(row);
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay() * 86400.0;
        }
        if (v instanceof java.time.Instant i) {
            return i.getEpochSecond();
        }
        String s = column.getUnformattedString(row);
        return s == null || s.isEmpty() ? Double.NaN : parse(s, pattern);
    }

    /** {@code s} read with {@code pattern} as epoch seconds, or NaN if it does not fit. */
    public static double parse(String s, String pattern) {
        String t = s.strip();
        if ("iso".equals(pattern)) {
            return iso(t);
        }
        try {
            TemporalAccessor a = formatter(pattern).parse(t);
            LocalDate date = LocalDate.of(a.get(ChronoField.YEAR), a.get(ChronoField.MONTH_OF_YEAR), a.get(ChronoField.DAY_OF_MONTH));
            long secs = date.toEpochDay() * 86400L;
            if (a.isSupported(ChronoField.HOUR_OF_DAY)) {
                secs += a.get(ChronoField.HOUR_OF_DAY) * 3600L + a.get(ChronoField.MINUTE_OF_HOUR) * 60L;
                if (a.isSupported(ChronoField.SECOND_OF_MINUTE)) {
                    secs += a.get(ChronoField.SECOND_OF_MINUTE);
                }
            }
            return secs;
        } catch (java.time.DateTimeException e) {
            return Double.NaN;
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static DateTimeFormatter formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(p).toFormatter(Locale.ENGLISH));
    }

    // yyyy-MM[-dd][(T| )HH:mm[:ss[.fraction]]][Z|±HH:mm]; a month alone means its first day. Hand-written because
    // DateTimeFormatter costs about a microsecond a value, which dominates featurizing a million rows.
    static double iso(String t) {
        int n = t.length();
        if (n < 7 || t.charAt(4) != '-') {
            return Double.NaN;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = 1;
        int pos = 7;
        if (n >= 10 && t.charAt(7) == '-') {
            day = digits(t, 8, 10);
            pos = 10;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Double.NaN;
        }
        long secs;
        try {
            secs = LocalDate.of(year, month, day).toEpochDay() * 86400L;
        } catch (java.time.DateTimeException e) {
            return Double.NaN;
        }
        if (pos == n) {
            return secs;
        }
        if (pos == 7 || (t.charAt(pos) != 'T' && t.charAt(pos) != ' ') || n < pos + 6 || t.charAt(pos + 3) != ':') {
            return Double.NaN;
        }
        int hour = digits(t, pos + 1, pos + 3);
        int minute = digits(t, pos + 4, pos + 6);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return Double.NaN;
        }
        secs += hour * 3600L + minute * 60L;
        pos += 6;
        if (pos + 3 <= n && t.charAt(pos) == ':') {
            int second = digits(t, pos + 1, pos + 3);
            if (second < 0 || second > 60) {
                return Double.NaN;
            }
            secs += second;
            pos += 3;
            if (pos < n && t.charAt(pos) == '.') {
                pos++;
                while (pos < n && Character.isDigit(t.charAt(pos))) {
                    pos++;
                }
            }
        }
        if (pos == n) {
            return secs;
        }
        if (t.charAt(pos) == 'Z' && pos + 1 == n) {
            return secs;
        }
        if ((t.charAt(pos) == '+' || t.charAt(pos) == '-') && n == pos + 6 && t.charAt(pos + 3) == ':') {
            int oh = digits(t, pos + 1, pos + 3);
            int om = digits(t, pos + 4, pos + 6);
            if (oh < 0 || om < 0) {
                return Double.NaN;
            }
            int sign = t.charAt(pos) == '+' ? 1 : -1;
            return secs - sign * (oh * 3600L + om * 60L);
        }
        return Double.NaN;
    }

    private static int digits(String t, int from, int to) {
        if (to > t.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
