package automl4j.report;

import java.util.Locale;

/**
 * One number format for a column of a table, so that its numbers line up and compare at a glance: e-notation with
 * three decimals when the column's largest absolute value is at least a million or below a thousandth, else fixed
 * notation with the decimals that give its largest value five significant digits (0 to 6).
 */
final class ColumnFormat {
    private final boolean exponent;
    private final int decimals;

    private ColumnFormat(boolean exponent, int decimals) {
        this.exponent = exponent;
        this.decimals = decimals;
    }

    /** The format of a column of {@code values}; NaN and infinite values are ignored. */
    static ColumnFormat of(double... values) {
        double largest = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (largest == 0) {
            return new ColumnFormat(false, 5);
        }
        if (largest >= 1e6 || largest < 1e-3) {
            return new ColumnFormat(true, 3);
        }
        int magnitude = (int) Math.floor(Math.log10(largest));
        return new ColumnFormat(false, Math.max(0, Math.min(6, 4 - magnitude)));
    }

    /** {@code v} in this format; empty for NaN. */
    String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (exponent) {
            return v == 0 ? "0" : String.format(Locale.ROOT, "%." + decimals + "e", v);
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;   // no -0.0000
    }
}
