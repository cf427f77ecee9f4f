package automl4j.forecast.ets;

/**
 * The model for a history too short for any likelihood fit (fewer than seven values, when even simple exponential
 * smoothing has too few degrees of freedom): like R's {@code ets()}, fewer parameters fitted by least squares
 * instead. Four to six values get Holt's linear trend (ETS(A,A,N)) started from the first two values; one to three
 * values simple exponential smoothing started at the first value. Only the smoothing parameters are chosen, on a
 * fixed grid, so the result is deterministic and cheap.
 */
final class ShortSeriesFallback {
    private static final int GRID = 50;
    private static final int HOLT_FROM = 4;

    private ShortSeriesFallback() {
    }

    static FittedEts fit(double[] y) {
        boolean holt = y.length >= HOLT_FROM;
        EtsForm form = EtsForm.parse(holt ? "AAN" : "ANN");
        double slope = holt ? y[1] - y[0] : 0;
        double level = y[0] - slope;
        EtsRecursion r = new EtsRecursion(1);
        double[] none = new double[0];
        double bestSse = Double.POSITIVE_INFINITY;
        double bestAlpha = 0.5;
        double bestBeta = holt ? EtsBounds.LOWER : 0;
        for (int i = 0; i <= GRID; i++) {
            double alpha = EtsBounds.LOWER + (EtsBounds.UPPER - EtsBounds.LOWER) * i / GRID;
            for (int j = 0; j <= (holt ? GRID : 0); j++) {
                double beta = holt ? EtsBounds.LOWER + (alpha - EtsBounds.LOWER) * j / GRID : 0;
                r.run(y, form, 1, alpha, beta, 0, 1, level, slope, none, null);
                if (r.sse() < bestSse) {
                    bestSse = r.sse();
                    bestAlpha = alpha;
                    bestBeta = beta;
                }
            }
        }
        return FittedEts.of(new EtsModel(form, 1, bestAlpha, bestBeta, 0, 1, level, slope, none), y);
    }

    /** A constant history: simple exponential smoothing at that value, which forecasts it. */
    static FittedEts constant(double[] y) {
        return FittedEts.of(new EtsModel(EtsForm.parse("ANN"), 1, EtsBounds.UPPER, 0, 0, 1, y[0], 0, new double[0]), y);
    }
}
