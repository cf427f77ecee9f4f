package automl4j.forecast.pack;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One series of a collection: its training part, the test values to forecast, and the dates of both (empty strings
 * where the pack gives no calendar). Immutable: accessors return copies.
 */
public final class Series {
    private final String id;
    private final double[] train;
    private final double[] test;
    private final List<String> dates;

    /**
     * A series.
     *
     * @param id    the series id
     * @param train the training values, oldest first, at least 1; copied
     * @param test  the test values after them; copied
     * @param dates the dates of the training then test values, as many as both together
     * @throws IllegalArgumentException if the training part is empty or the dates do not match the values
     */
    public Series(String id, double[] train, double[] test, List<String> dates) {
        this.id = Objects.requireNonNull(id, "id");
        this.train = train.clone();
        this.test = test.clone();
        this.dates = List.copyOf(dates);
        if (train.length == 0) {
            throw new IllegalArgumentException("series '" + id + "' must have >= 1 training value, but had 0");
        }
        if (dates.size() != train.length + test.length) {
            throw new IllegalArgumentException("series '" + id + "' must have " + (train.length + test.length)
                    + " dates, but had " + dates.size());
        }
    }

    /**
     * The series id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The training values, oldest first.
     *
     * @return a copy
     */
    public double[] train() {
        return train.clone();
    }

    /**
     * The test values, the steps after the training part.
     *
     * @return a copy
     */
    public double[] test() {
        return test.clone();
    }

    /**
     * The dates of the training then the test values ({@code yyyy}, {@code yyyy-Qq}, {@code yyyy-mm} or empty).
     *
     * @return an unmodifiable list
     */
    public List<String> dates() {
        return dates;
    }

    @Override
    public String toString() {
        return "Series[" + id + ", train " + train.length + ", test " + test.length + ", last "
                + Arrays.toString(Arrays.copyOfRange(train, Math.max(0, train.length - 3), train.length)) + "]";
    }
}
