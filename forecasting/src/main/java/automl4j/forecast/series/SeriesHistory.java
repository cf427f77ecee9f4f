package automl4j.forecast.series;

import java.util.Objects;

/**
 * One series' history: its id and its values, one per period, oldest first, all finite (gaps were filled before).
 *
 * @param id     the series id, unique in its collection
 * @param values the values; the record keeps its own copy
 */
public record SeriesHistory(String id, double[] values) {
    /** Copies the values and checks that they are finite. */
    public SeriesHistory {
        Objects.requireNonNull(id, "id");
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series '" + id + "': value " + (i + 1) + " is " + values[i]
                        + "; fill gaps before forecasting");
            }
        }
    }

    /**
     * The values.
     *
     * @return a copy
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * The number of values.
     *
     * @return the length
     */
    public int length() {
        return values.length;
    }

    /**
     * One value, without copying the array.
     *
     * @param t the index, from 0
     * @return the value
     */
    public double value(int t) {
        return values[t];
    }
}
