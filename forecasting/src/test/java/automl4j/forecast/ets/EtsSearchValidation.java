package automl4j.forecast.ets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * How the default likelihood search of {@link EtsForecaster} was chosen, by rolling-origin validation inside the
 * training parts only (the protocol forbids choices by test scores): for every series, origins h, 1.5h and 2h before
 * the end of its training part, each forecasting h steps that lie inside it, with the local and the wide search.
 * Prints mean sMAPE and MASE per collection. Not a unit test: run it niced, from the module folder, as {@link
 * EtsBench} (same classpath), with collection names as arguments.
 */
public final class EtsSearchValidation {
    private static final Map<String, int[]> PERIOD_AND_HORIZON = Map.of(
            "m3-yearly", new int[] {1, 6}, "m3-quarterly", new int[] {4, 8}, "m3-monthly", new int[] {12, 18},
            "m3-other", new int[] {1, 8}, "tourism-yearly", new int[] {1, 4}, "tourism-quarterly", new int[] {4, 8},
            "tourism-monthly", new int[] {12, 24});
    private static final int MIN_TRAIN = 7;

    private EtsSearchValidation() {
    }

    /**
     * Runs the collections named.
     *
     * @param args collection names
     */
    public static void main(String[] args) {
        Path pack = ForecastingPack.locate();
        if (pack == null) {
            throw new IllegalStateException("shared/datasets/forecasting not found");
        }
        EtsEstimator.Search[] searches = {EtsEstimator.Search.LOCAL, EtsEstimator.Search.WIDE};
        for (String collection : args) {
            int m = PERIOD_AND_HORIZON.get(collection)[0];
            int h = PERIOD_AND_HORIZON.get(collection)[1];
            double[] smape = new double[2];
            double[] mase = new double[2];
            int windows = 0;
            for (ForecastingPack.Series s : ForecastingPack.read(pack, collection).values()) {
                for (int o = 0; o < 3; o++) {
                    int n = s.train.length - (int) Math.round(h * (1 + o / 2.0));
                    if (n < MIN_TRAIN) {
                        continue;
                    }
                    double[] train = Arrays.copyOf(s.train, n);
                    double[] test = Arrays.copyOfRange(s.train, n, n + h);
                    for (int k = 0; k < 2; k++) {
                        double[] f = select(train, m, searches[k]).forecast(h);
                        smape[k] += EtsBench.smape(test, f);
                        mase[k] += EtsBench.mase(test, f, train, m);
                    }
                    windows++;
                }
            }
            System.out.printf("%-18s %5d windows | local sMAPE %.3f MASE %.4f | wide sMAPE %.3f MASE %.4f%n",
                    collection, windows, smape[0] / windows, mase[0] / windows, smape[1] / windows,
                    mase[1] / windows);
        }
    }

    private static FittedEts select(double[] y, int m, EtsEstimator.Search search) {
        Boolean wide = search == EtsEstimator.Search.WIDE;
        return new EtsForecaster().withWideSearch(wide).fit(y, m);
    }
}
