package automl4j.forecast.theta;

/**
 * The least-squares line {@code y_t = intercept + slope * t} through values at times t = 1, 2, ..., n.
 *
 * @param intercept the value at t = 0
 * @param slope     the increase per step
 */
record LinearTrend(double intercept, double slope) {
    /**
     * The line through {@code y}.
     *
     * @param y the values at t = 1..n, at least 1 (one value gives a flat line)
     * @return the line
     */
    static LinearTrend of(double[] y) {
        int n = y.length;
        double tMean = (n + 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double sty = 0;
        double stt = 0;
        for (int t = 0; t < n; t++) {
            double dt = t + 1 - tMean;
            sty += dt * (y[t] - yMean);
            stt += dt * dt;
        }
        double slope = stt > 0 ? sty / stt : 0;
        return new LinearTrend(yMean - slope * tMean, slope);
    }
}
