package automl4j.forecast.series;

import java.util.Locale;

/**
 * What fills a missing period inside a series (a time absent from the table, or a row whose target is empty). Missing
 * values before a series' first or after its last value are not filled: the series starts at its first value and ends
 * at its last, and the report says so.
 */
public enum GapFill {
    /** Straight line between the values on either side: the default. */
    INTERPOLATE,
    /** The last value before the gap. */
    PREVIOUS,
    /** Zero (counts: no sale recorded means none made). */
    ZERO,
    /** No filling: a gap is an error naming the series and the missing time. */
    ERROR;

    /**
     * The config label: {@code interpolate}, {@code previous}, {@code zero} or {@code error}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy a label names, case-insensitive.
     *
     * @param text the label
     * @return the policy
     * @throws IllegalArgumentException naming the labels accepted
     */
    public static GapFill parse(String text) {
        for (GapFill g : values()) {
            if (g.label().equalsIgnoreCase(text.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("gap fill must be one of interpolate, previous, zero, error, but was '" + text + "'");
    }
}
