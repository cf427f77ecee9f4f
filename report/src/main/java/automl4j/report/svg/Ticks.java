package automl4j.report.svg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at round values (1, 2 or 5 times a power of ten) inside a range, and their labels in one number format
 * per axis: all in fixed notation, or all in e-notation when the axis's largest value is at least a million or below a
 * thousandth.
 */
final class Ticks {
    private Ticks() {
    }

    /**
     * Round values inside {@code [min, max]} ({@code min < max}, both finite): about {@code count} of them, and at least
     * two (the step is made finer until two fit), so that the axis can end at the data and still be labelled.
     */
    static double[] inside(double min, double max, int count) {
        double step = niceStep((max - min) / Math.max(1, count));
        double[] out = multiples(min, max, step);
        for (int finer = 0; out.length < 3 && finer < 3; finer++) {
            step = smallerStep(step);
            double[] more = multiples(min, max, step);
            if (more.length > out.length) {
                out = more;
            }
        }
        return out;
    }

    private static double[] multiples(double min, double max, double step) {
        double tol = step * 1e-9;
        long first = (long) Math.ceil((min - tol) / step);
        long last = (long) Math.floor((max + tol) / step);
        List<Double> out = new ArrayList<>();
        BigDecimal exact = BigDecimal.valueOf(step);
        for (long k = first; k <= last && out.size() < 1000; k++) {
            out.add(k == 0 ? 0 : BigDecimal.valueOf(k).multiply(exact).doubleValue());   // 0.3, not 0.30000000000000004
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The next round step below {@code step}: 10 to 5, 5 to 2, 2 to 1 (times the power of ten). */
    private static double smallerStep(double step) {
        int e = (int) Math.floor(Math.log10(step) + 1e-9);
        long f = Math.round(step / Math.pow(10, e));
        return f >= 5 ? round(2, e) : f >= 2 ? round(1, e) : round(5, e - 1);
    }

    /** {@code m} times ten to the {@code e}, as the double nearest that decimal. */
    private static double round(long m, int e) {
        return Double.parseDouble(m + "E" + e);
    }

    /**
     * Values of a logarithmic axis inside {@code [min, max]} (both > 0): the powers of ten (at most eight, every k-th
     * when more), else 1, 2 and 5 times them, else 1 to 9 times them, else round values as on a linear axis.
     */
    static double[] log(double min, double max) {
        double tol = 1e-9;
        for (int[] mantissas : new int[][] {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            List<Double> out = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(min)) - 1; e <= (int) Math.ceil(Math.log10(max)); e++) {
                for (int m : mantissas) {
                    double v = round(m, e);
                    if (v >= min * (1 - tol) && v <= max * (1 + tol)) {
                        out.add(v);
                    }
                }
            }
            if (out.size() >= 2) {
                int every = (out.size() + 7) / 8;
                List<Double> kept = new ArrayList<>();
                for (int i = 0; i < out.size(); i += every) {
                    kept.add(out.get(i));
                }
                return kept.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        return inside(min, max, 4);
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        int e = (int) Math.floor(Math.log10(raw));
        double f = raw / Math.pow(10, e);
        return f <= 1 ? round(1, e) : f <= 2 ? round(2, e) : f <= 5 ? round(5, e) : round(1, e + 1);
    }

    /** True when the labels of an axis whose largest absolute value is {@code largest} are written in e-notation. */
    static boolean exponent(double largest) {
        return largest >= 1e6 || (largest > 0 && largest < 1e-3);
    }

    /**
     * The labels of {@code ticks} in one format: fixed notation with as many decimals as the spacing of the ticks
     * needs, or (for very large or small values, {@link #exponent}) e-notation with as few digits as tell the ticks
     * apart; 0 is {@code 0}. On a logarithmic axis, fixed labels have the decimals each value needs.
     */
    static String[] labels(double[] ticks, boolean log) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double t : ticks) {
            largest = Math.max(largest, Math.abs(t));
            if (t != 0) {
                smallest = Math.min(smallest, Math.abs(t));
            }
        }
        boolean exp = log ? largest >= 1e6 || smallest < 1e-3 : exponent(largest);
        String[] out = new String[ticks.length];
        if (exp) {
            double gap = log || ticks.length < 2 ? 0 : Math.abs(ticks[1] - ticks[0]);
            for (int digits = 0; digits <= 6; digits++) {
                boolean fits = true;
                for (int i = 0; i < ticks.length; i++) {
                    out[i] = ticks[i] == 0 ? "0" : exponentForm(ticks[i], digits);
                    double back = Double.parseDouble(out[i]);
                    fits &= log ? Math.abs(back - ticks[i]) <= Math.abs(ticks[i]) * 1e-6 : Math.abs(back - ticks[i]) <= gap * 1e-3;
                    fits &= i == 0 || !out[i].equals(out[i - 1]);
                }
                if (fits) {
                    break;
                }
            }
            return out;
        }
        if (log) {
            for (int i = 0; i < ticks.length; i++) {
                out[i] = new BigDecimal(ticks[i]).round(new MathContext(6)).stripTrailingZeros().toPlainString();
            }
            return out;
        }
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
        int decimals = 0;
        while (decimals < 8 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6 * step * Math.pow(10, decimals)) {
            decimals++;   // the fewest that write the step exactly: 0.25 needs 2
        }
        for (int i = 0; i < ticks.length; i++) {
            out[i] = ticks[i] == 0 ? "0" : String.format(Locale.ROOT, "%." + decimals + "f", ticks[i]);
        }
        return out;
    }

    private static String exponentForm(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }

    /** About how many pixels a label of {@code text} takes at {@code size} pixels (digits of common sans fonts: 0.64 em). */
    static double width(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            em += c == '.' || c == ',' ? 0.32 : c == '-' ? 0.5 : 0.64;
        }
        return em * size;
    }
}
