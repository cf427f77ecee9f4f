package automl4j.forecast.pack;

import java.util.List;
import java.util.Objects;

/**
 * A collection's series, in the order of the file.
 *
 * @param info   the manifest's description
 * @param series the series
 */
public record SeriesCollection(CollectionInfo info, List<Series> series) {
    /** Copies the list. */
    public SeriesCollection {
        Objects.requireNonNull(info, "info");
        series = List.copyOf(series);
    }

    /**
     * The collection's name.
     *
     * @return the name
     */
    public String name() {
        return info.name();
    }
}
