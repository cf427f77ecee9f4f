package automl4j.forecast.arima;

import automl4j.forecast.pack.ForecastingPack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The forecasting pack for the ARIMA tests, read by the module's own pack reader: found beside an ancestor, or absent. */
final class PackData {
    private PackData() {
    }

    /** One series: its training values and test values. */
    static final class Series {
        final String id;
        final double[] train;
        final double[] test;

        Series(String id, double[] train, double[] test) {
            this.id = id;
            this.train = train;
            this.test = test;
        }
    }

    /**
     * The pack folder, as {@link ForecastingPack#locate()} finds it.
     *
     * @return the folder, or null when there is none
     */
    static Path folder() {
        return ForecastingPack.locate().orElse(null);
    }

    /** The series of one collection by id, in file order. */
    static Map<String, Series> read(Path folder, String collection) {
        ForecastingPack pack = ForecastingPack.open(folder);
        Map<String, Series> out = new LinkedHashMap<>();
        for (automl4j.forecast.pack.Series s : pack.load(pack.collection(collection)).series()) {
            out.put(s.id(), new Series(s.id(), s.train(), s.test()));
        }
        return out;
    }
}
