package automl4j.scoring;

import automl4j.data.Classification;
import automl4j.data.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Training tables with date and free-text columns for the scoring transform's tests, seeded. */
final class TextAndDateTables {
    static final Target Y = new Target("y", new Classification(List.of("no", "yes")));
    /** The engine's date patterns, and "iso-time": ISO date-times with offsets, fractions and a space separator. */
    static final List<String> DATE_PATTERNS = List.of("iso", "iso-time", "yyyy/MM/dd", "yyyy/MM/dd HH:mm[:ss]", "MM/dd/yyyy",
            "MM/dd/yyyy HH:mm[:ss]", "dd/MM/yyyy", "dd/MM/yyyy HH:mm[:ss]", "dd.MM.yyyy", "dd.MM.yyyy HH:mm[:ss]", "d MMM yyyy",
            "MMM d, yyyy", "d-MMM-yyyy", "yyyyMMdd'T'HHmmss");

    // Unicode letters and digits (accents, German sharp s, dotted capital I, CJK, Arabic-Indic digits, a supplementary
    // letter), words with punctuation inside, an emoji, symbols.
    private static final List<String> WORDS = List.of("the", "a", "service", "was", "slow", "fast", "great", "bad", "café",
            "naïve", "Straße", "ÉCOLE", "İstanbul", "東京", "駅", "😀", "x²", "١٢٣", "don't", "e-mail", "C++", "#refund", "…",
            "price", "PRICE", "Price", "42", "3.14", "2nd", "order", "delivery", "late", "early", "support", "agent", "call",
            "again", "never", "always", "ok", "not", "good", "very", "𝐀𝐁𝐂", "über", "ñandú", "Ωmega", "email", "phone",
            "refund", "box", "broken", "new", "old", "user@example.com", "50%", "$20", "(note)", "A/B", "i", "I");

    private TextAndDateTables() {
    }

    /** {@code rows} rows: {@code when} (text dates in {@code pattern}, about 8% missing), {@code x} (numbers) and {@code y}. */
    static Table dates(String pattern, int rows, long seed) {
        Random random = new Random(seed);
        StringColumn when = StringColumn.create("when");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = LocalDateTime.of(1995 + random.nextInt(30), 1 + random.nextInt(12), 13 + random.nextInt(16),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            when.append(random.nextInt(12) == 0 ? "" : format(t, pattern, i % 3 != 0, random));
            x.append(random.nextGaussian());
            y.append(random.nextBoolean() ? "yes" : "no");
        }
        return Table.create("dates").addColumns(when, x, y);
    }

    /** {@code t} written as {@code pattern} does; the optional seconds only if {@code seconds}. */
    static String format(LocalDateTime t, String pattern, boolean seconds, Random random) {
        if (pattern.equals("iso")) {
            return t.toLocalDate().toString();
        }
        if (pattern.equals("iso-time")) {
            String s = t.toLocalDate() + (random.nextBoolean() ? "T" : " ") + String.format(Locale.ROOT, "%02d:%02d", t.getHour(),
                    t.getMinute());
            if (seconds) {
                s += String.format(Locale.ROOT, ":%02d", t.getSecond()) + (random.nextBoolean() ? ".125" : "");
            }
            return s + List.of("", "Z", "+02:00", "-05:30").get(random.nextInt(4));
        }
        String p = pattern.replace("[:ss]", seconds ? ":ss" : "");
        boolean dateOnly = !pattern.contains("HH");
        return DateTimeFormatter.ofPattern(p, Locale.ENGLISH).format(dateOnly ? t.toLocalDate().atStartOfDay() : t);
    }

    /** Text that may or may not be a date of some pattern, to check that scoring accepts and refuses what the engine does. */
    static List<String> dateCandidates() {
        List<String> out = new ArrayList<>();
        Random random = new Random(7);
        for (LocalDateTime t : List.of(LocalDateTime.of(2020, 2, 29, 0, 0), LocalDateTime.of(1969, 12, 31, 23, 59, 59),
                LocalDateTime.of(1900, 1, 1, 12, 0), LocalDateTime.of(2099, 12, 31, 6, 7, 8), LocalDateTime.of(2021, 7, 4, 0, 0, 1))) {
            for (String p : DATE_PATTERNS) {
                out.add(format(t, p, true, random));
                out.add(format(t, p, false, random));
            }
        }
        out.addAll(List.of("not a date", "2020-13-01", "2020-02-30", "2021-02-29", "02/30/2020", "30/02/2020", "31/04/2020",
                "   ", " 2020-01-05 ", "2020-1-5", "2020-01", "2020-01-05T25:00", "2020-01-05T23:59:60", "2020-01-05T10:20:61",
                "2020-01-05T10:20:30.5+02:00", "2020-01-05 10:20Z", "2020-01-05T10:20+0200", "2020-01-05T10", "20200105",
                "2020/01/05 10:20:30", "2020/1/5", "1/5/2020", "5 jan 2020", "05 JAN 2020", "JAN 5, 2020", "Jan 05, 2020",
                "5-JAN-2020", "5 Sept 2020", "5 September 2020", "٢٠٢٠-٠١-٠٥", "2020-01-05T10:20:30.١٢Z", "+2020-01-05",
                "12020-01-05", "0000-01-01", "9999-12-31T23:59:59Z", "20200105T102030", "20200105T1020", "2020-01-05\u00a0",
                "\t2020-01-05\n", "5.1.2020", "05.01.2020 7:05", "05.01.2020 07:05", "2020.01.05", "true", "3.0"));
        return out;
    }

    /** {@code rows} rows of typed date columns: {@code day} (LocalDate), {@code stamp} (LocalDateTime), {@code at} (Instant). */
    static Table typedDates(int rows, long seed) {
        Random random = new Random(seed);
        DateColumn day = DateColumn.create("day");
        DateTimeColumn stamp = DateTimeColumn.create("stamp");
        InstantColumn at = InstantColumn.create("at");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = LocalDateTime.of(1960 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
            if (i % 10 == 3) {
                day.appendMissing();
            } else {
                day.append(t.toLocalDate());
            }
            if (i % 10 == 6) {
                stamp.appendMissing();
            } else {
                stamp.append(t);
            }
            if (i % 10 == 9) {
                at.appendMissing();
            } else {
                at.append(t.toInstant(ZoneOffset.ofHours(random.nextInt(5))));
            }
            x.append(random.nextGaussian());
            y.append(random.nextBoolean() ? "yes" : "no");
        }
        return Table.create("typed").addColumns(day, stamp, at, x, y);
    }

    /** Typed date cells to score in every typed column: around the epoch, leap days, seconds, milliseconds. */
    static List<Object> typedCandidates() {
        LocalDateTime t = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000);
        return List.of(LocalDate.of(2020, 2, 29), LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(1800, 3, 1),
                t, LocalDateTime.of(2024, 2, 29, 12, 30), LocalDateTime.of(2030, 6, 15, 0, 0, 0, 1_000_000),
                Instant.ofEpochMilli(-500), Instant.ofEpochSecond(0), Instant.ofEpochSecond(1_600_000_000L, 999_000_000),
                Instant.ofEpochSecond(-2_000_000_000L));
    }

    /** {@code rows} rows: {@code note} (free text, about 5% missing), {@code x} (numbers) and {@code y}. */
    static Table text(int rows, long seed) {
        Random random = new Random(seed);
        StringColumn note = StringColumn.create("note");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            note.append(random.nextInt(20) == 0 ? "" : sentence(random, 6 + random.nextInt(12)));
            x.append(random.nextInt(4) == 0 ? 0.0 : random.nextGaussian());
            y.append(random.nextBoolean() ? "yes" : "no");
        }
        return Table.create("text").addColumns(note, x, y);
    }

    /** {@code words} words of the test vocabulary, separated by spaces and now and then punctuation. */
    static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(List.of(" ", " ", " ", ", ", "; ", " - ", "! ", "\t", "  ").get(random.nextInt(9)));
            }
            s.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return random.nextBoolean() ? s.append('.').toString() : s.toString();
    }

    /** Text cells to score beside training rows: empty, blank, punctuation only, unseen words, repeats, long text. */
    static List<String> textCandidates() {
        Random random = new Random(11);
        List<String> out = new ArrayList<>(List.of("", " ", "   \t ", "!!!", "...", "unseen words only zyxw qwerty", "the the the the",
                "THE SERVICE WAS SLOW", "the service was slow", "Service; was: slow!", "café CAFÉ Café cafe", "İstanbul istanbul",
                "東京駅", "😀😀😀", "x² x2", "١٢٣ 123", "don't dont don t", "e-mail email", "50% $20 (note)", "a", "I i",
                "\u0130", "price 42 3.14 2nd", "𝐀𝐁𝐂 abc", "ñandú über Ωmega Straße STRASSE"));
        out.add(sentence(random, 400));
        for (int i = 0; i < 20; i++) {
            out.add(sentence(random, 1 + random.nextInt(25)));
        }
        return out;
    }
}
