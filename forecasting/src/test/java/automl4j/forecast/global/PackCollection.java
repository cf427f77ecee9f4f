package automl4j.forecast.global;

import automl4j.forecast.pack.ForecastingPack;
import automl4j.forecast.pack.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One collection of the forecasting pack read into each series' training and test values, for the global benchmark,
 * through the module's own pack reader.
 *
 * @param name   the collection
 * @param ids    the series ids, in file order
 * @param train  each series' training values
 * @param test   each series' test values
 */
record PackCollection(String name, List<String> ids, List<double[]> train, List<double[]> test) {
    /**
     * The folder of the pack, as {@link ForecastingPack#locate()} finds it; null if there is none.
     *
     * @return the folder, or null
     */
    static Path folder() {
        return ForecastingPack.locate().orElse(null);
    }

    /**
     * Reads a collection.
     *
     * @param folder the pack folder
     * @param name   the collection
     * @return the collection
     * @throws IOException never: kept for the callers' signatures
     */
    static PackCollection read(Path folder, String name) throws IOException {
        ForecastingPack pack = ForecastingPack.open(folder);
        List<Series> series = pack.load(pack.collection(name)).series();
        return new PackCollection(name, series.stream().map(Series::id).toList(), series.stream().map(Series::train).toList(),
                series.stream().map(Series::test).toList());
    }
}
