package automl4j.forecast.series;

import java.util.Locale;

/**
 * How far apart a series' periods are, and the seasonal period that goes with it by default. Calendar frequencies
 * (yearly, quarterly, monthly) step by calendar units, so months of 28 to 31 days are one period each; fixed ones
 * (weekly, daily, hourly, minutely) step by a fixed number of seconds; {@link #PERIODS} are integer time values that
 * step by 1.
 */
public enum Frequency {
    /** One value a year; no season. */
    YEARLY(1, 0),
    /** One value a quarter; a season of 4. */
    QUARTERLY(4, 0),
    /** One value a month; a season of 12. */
    MONTHLY(12, 0),
    /** One value a week; a season of 52 (longer than the statistical models use, so they treat it as none). */
    WEEKLY(52, 7 * 86_400L),
    /** One value a day; a season of 7 (the week). */
    DAILY(7, 86_400L),
    /** One value an hour; a season of 24 (the day). */
    HOURLY(24, 3_600L),
    /** One value every 30 minutes; a season of 48 (the day). */
    HALF_HOURLY(48, 1_800L),
    /** One value every 15 minutes; a season of 96 (the day). */
    QUARTER_HOURLY(96, 900L),
    /** One value a minute; a season of 60 (the hour). */
    MINUTELY(60, 60L),
    /** Integer time values, one per period; no season unless one is given. */
    PERIODS(1, 0);

    private final int defaultPeriod;
    private final long seconds;

    Frequency(int defaultPeriod, long seconds) {
        this.defaultPeriod = defaultPeriod;
        this.seconds = seconds;
    }

    /**
     * The seasonal period used when none is given.
     *
     * @return at least 1
     */
    public int defaultPeriod() {
        return defaultPeriod;
    }

    /**
     * The fixed length of a period in seconds, or 0 for calendar frequencies and {@link #PERIODS}.
     *
     * @return seconds
     */
    public long seconds() {
        return seconds;
    }

    /**
     * The config label: {@code yearly}, {@code quarterly}, {@code monthly}, {@code weekly}, {@code daily},
     * {@code hourly}, {@code half-hourly}, {@code quarter-hourly}, {@code minutely} or {@code periods}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The frequency a config label names, case-insensitive ({@code _} and {@code -} alike).
     *
     * @param text the label
     * @return the frequency
     * @throws IllegalArgumentException naming the labels accepted
     */
    public static Frequency parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Frequency f : values()) {
            if (f.name().equals(t)) {
                return f;
            }
        }
        StringBuilder labels = new StringBuilder();
        for (Frequency f : values()) {
            labels.append(labels.length() == 0 ? "" : ", ").append(f.label());
        }
        throw new IllegalArgumentException("frequency must be one of " + labels + ", but was '" + text + "'");
    }
}
