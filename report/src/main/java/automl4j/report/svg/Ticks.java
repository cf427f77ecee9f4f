package automl4j.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at round values (1, 2 or 5 times a power of ten) and their labels. */
final class Ticks {
    private Ticks() {
    }

    /**
     * About {@code count} round values from {@code min} to {@code max} (both finite, {@code min <= max}), the first at
     * or below {@code min} and the last at or above {@code max}.
     */
    static double[] linear(double min, double max, int count) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, count));
        double first = Math.floor(min / step) * step;
        double last = Math.ceil(max / step) * step;
        if (first > min) {   // rounding of the products above
            first -= step;
        }
        if (last < max) {
            last += step;
        }
        int n = (int) Math.round((last - first) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i == n - 1 ? last : first + i * step;
            if (Math.abs(out[i]) < step * 1e-9) {
                out[i] = 0;   // no -0 or 1e-17 labels
            }
        }
        return out;
    }

    /** Powers of ten from at or below {@code min} to at or above {@code max} (both > 0). */
    static double[] log(double min, double max) {
        int lo = (int) Math.floor(Math.log10(min));
        int hi = (int) Math.ceil(Math.log10(max));
        if (hi == lo) {
            hi++;
        }
        List<Double> out = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            out.add(Math.pow(10, e));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** A tick label with as many decimals as the step needs, or a short exponent form for very large or small values. */
    static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.1e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }
}
