package automl4j.forecast.series;

import java.util.List;

/**
 * Where a series of a table lies in time and what was done to it.
 *
 * @param id          the series id ({@link SeriesHistory#id()}): its id cells joined by {@code /}, or the target
 *                    column's name for a table of one series
 * @param idValues    its id cells, one per id column
 * @param firstPeriod the period number of its first value
 * @param lastPeriod  the period number of its last value
 * @param filled      periods filled by the gap policy
 * @param dropped     rows dropped at its ends because their target was empty
 */
public record SeriesInfo(String id, List<String> idValues, long firstPeriod, long lastPeriod, int filled, int dropped) {
    /** Copies the id values. */
    public SeriesInfo {
        idValues = List.copyOf(idValues);
    }
}
