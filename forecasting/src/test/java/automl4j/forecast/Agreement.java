package automl4j.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** How closely a forecaster's forecasts agree with R's stored ones over many series. */
public final class Agreement {
    private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    private int series;
    private int exact;
    private int within;
    private double worst;
    private String worstSeries = "";
    private final double tolerance;
    private final List<String> inexact = new ArrayList<>();

    /**
     * A tally.
     *
     * @param tolerance the largest relative difference counted as agreeing
     */
    public Agreement(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * Whether {@code value}, rounded to 10 significant digits as R wrote its forecasts, equals R's value.
     *
     * @param value ours
     * @param r     R's, as stored
     * @return true if equal after rounding
     */
    public static boolean equalToTenDigits(double value, double r) {
        return new BigDecimal(value).round(TEN_DIGITS).compareTo(new BigDecimal(Double.toString(r))) == 0;
    }

    /**
     * Counts one series.
     *
     * @param id   the series, for the report
     * @param ours our forecasts
     * @param r    R's
     */
    public void add(String id, double[] ours, double[] r) {
        series++;
        boolean allExact = ours.length == r.length;
        double rel = ours.length == r.length ? 0 : Double.POSITIVE_INFINITY;
        for (int j = 0; j < Math.min(ours.length, r.length); j++) {
            allExact &= equalToTenDigits(ours[j], r[j]);
            rel = Math.max(rel, Math.abs(ours[j] - r[j]) / Math.max(Math.abs(r[j]), 1e-300));
        }
        if (allExact) {
            exact++;
        } else if (inexact.size() < 5) {
            inexact.add(id);
        }
        if (rel <= tolerance) {
            within++;
        }
        if (rel > worst) {
            worst = rel;
            worstSeries = id;
        }
    }

    /** @return the number of series counted */
    public int series() {
        return series;
    }

    /** @return the number equal to R's to 10 significant digits */
    public int exact() {
        return exact;
    }

    /** @return the number within the tolerance */
    public int within() {
        return within;
    }

    /** @return the largest relative difference */
    public double worst() {
        return worst;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d series: %d equal to 10 digits, %d within %.0e, worst %.3e (%s),"
                + " first inexact %s", series, exact, within, tolerance, worst, worstSeries, inexact);
    }
}
