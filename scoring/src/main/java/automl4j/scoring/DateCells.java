package automl4j.scoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Date cells as seconds since 1970-01-01T00:00, read as the engine's {@code automl4j.featurizers.DateFormats} reads
 * them: a {@code LocalDateTime} as UTC, a {@code LocalDate} at midnight, an {@code Instant} by its epoch second, text
 * with the one pattern found at fit time ({@code "iso"}: a hand-written ISO 8601 reader; the others:
 * {@code DateTimeFormatter} patterns, case-insensitive, English month names). The parsing code is the engine's, line for
 * line, so that the same text is accepted, rejected and read to the same second.
 */
final class DateCells {
    /** The engine's {@code DateFormats.PATTERNS}: the only patterns it writes to a featurizer file. */
    static final List<String> PATTERNS = List.of("iso", "yyyy/MM/dd", "yyyy/MM/dd HH:mm[:ss]", "MM/dd/yyyy",
            "MM/dd/yyyy HH:mm[:ss]", "dd/MM/yyyy", "dd/MM/yyyy HH:mm[:ss]", "dd.MM.yyyy", "dd.MM.yyyy HH:mm[:ss]",
            "d MMM yyyy", "MMM d, yyyy", "d-MMM-yyyy", "yyyyMMdd'T'HHmmss");

    // Built once: a formatter is immutable and thread-safe, and building one per cell would cost more than parsing.
    private static final Map<String, DateTimeFormatter> FORMATTERS = PATTERNS.stream().filter(p -> !p.equals("iso"))
            .collect(Collectors.toUnmodifiableMap(Function.identity(), p -> new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(p).toFormatter(Locale.ENGLISH)));

    private DateCells() {
    }

    /** True for the cell types of a Tablesaw date, date-time and instant column. */
    static boolean isTyped(Object value) {
        return value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Instant;
    }

    /** Seconds of a typed cell ({@link #isTyped}). */
    static double seconds(Object typed) {
        if (typed instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC);
        }
        if (typed instanceof LocalDate d) {
            return d.toEpochDay() * 86400.0;
        }
        return ((Instant) typed).getEpochSecond();
    }

    /** {@code s} read with {@code pattern} (one of {@link #PATTERNS}) as epoch seconds, or NaN if it does not fit. */
    static double parse(String s, String pattern) {
        String t = s.strip();
        if ("iso".equals(pattern)) {
            return iso(t);
        }
        try {
            TemporalAccessor a = FORMATTERS.get(pattern).parse(t);
            LocalDate date = LocalDate.of(a.get(ChronoField.YEAR), a.get(ChronoField.MONTH_OF_YEAR), a.get(ChronoField.DAY_OF_MONTH));
            long secs = date.toEpochDay() * 86400L;
            if (a.isSupported(ChronoField.HOUR_OF_DAY)) {
                secs += a.get(ChronoField.HOUR_OF_DAY) * 3600L + a.get(ChronoField.MINUTE_OF_HOUR) * 60L;
                if (a.isSupported(ChronoField.SECOND_OF_MINUTE)) {
                    secs += a.get(ChronoField.SECOND_OF_MINUTE);
                }
            }
            return secs;
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    // yyyy-MM[-dd][(T| )HH:mm[:ss[.fraction]]][Z|±HH:mm]; a month alone means its first day.
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
        } catch (DateTimeException e) {
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
