package automl4j.forecast.ets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The forecasting pack for the ETS tests, read by the module's own pack reader ({@code automl4j.forecast.pack}). */
final class ForecastingPack {
    /** One series: its training part and its test horizon. */
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

    private ForecastingPack() {
    }

    /** The pack's folder, or null when it cannot be found. */
    static Path locate() {
        return automl4j.forecast.pack.ForecastingPack.locate().orElse(null);
    }

    /** The series of one collection, in file order. */
    static Map<String, Series> read(Path folder, String collection) {
        automl4j.forecast.pack.ForecastingPack pack = automl4j.forecast.pack.ForecastingPack.open(folder);
        Map<String, Series> out = new LinkedHashMap<>();
        for (automl4j.forecast.pack.Series s : pack.load(pack.collection(collection)).series()) {
            out.put(s.id(), new Series(s.id(), s.train(), s.test()));
        }
        return out;
    }
}
