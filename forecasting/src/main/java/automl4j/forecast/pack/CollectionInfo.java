package automl4j.forecast.pack;

import java.util.Objects;

/**
 * A collection as the pack's manifest describes it.
 *
 * @param name      the collection's name, such as {@code m3-monthly}
 * @param file      the long CSV's file name, relative to the pack's folder
 * @param frequency the frequency's name ({@code yearly}, {@code monthly}, ...), or empty
 * @param period    the seasonal period m, at least 1
 * @param horizon   the number of test steps h, at least 1
 */
public record CollectionInfo(String name, String file, String frequency, int period, int horizon) {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the period or horizon is below 1
     */
    public CollectionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(frequency, "frequency");
        if (period < 1) {
            throw new IllegalArgumentException("collection '" + name + "': period must be >= 1, but was " + period);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("collection '" + name + "': horizon must be >= 1, but was "
                    + horizon);
        }
    }
}
