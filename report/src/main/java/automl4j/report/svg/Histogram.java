package automl4j.report.svg;

/** Counts of values in equal-width bins, drawn as vertical bars (residuals, predicted probabilities). */
public final class Histogram {
    private final String title;
    private final String axisLabel;
    private final double[] values;
    private final int bins;

    /**
     * A histogram of the finite {@code values} in {@code bins} bins over their range.
     *
     * @throws IllegalArgumentException if {@code bins < 1}
     */
    public Histogram(String title, String axisLabel, double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, but was " + bins);
        }
        this.title = title;
        this.axisLabel = axisLabel;
        this.values = values.clone();
        this.bins = bins;
    }

    /** The chart as an SVG element. */
    public String svg() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int width = 560;
        int height = 300;
        double top = 30;
        double bottom = 46;
        if (lo > hi) {
            Svg svg = new Svg(width, height);
            svg.text(64, 18, title, "start", 14, 0, "bold", (int) ((width - 64) / 8.5));
            svg.text(width / 2.0, height / 2.0, "no data", "middle", 12, 0, null);
            return svg.toString(title);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        long[] counts = new long[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
            }
        }
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        Axis xs = Axis.numeric(lo, hi, false, 6);
        Axis ys = Axis.numeric(0, max, false, 4);
        double left = ys.leftMargin(64);
        double right = Math.max(20, Math.ceil(xs.lastWidth() / 2 + 4));
        // the bars stand on the axis line: no room below the count 0
        Axis x = xs.place(left, width - right, 4, 4);
        Axis y = ys.place(height - bottom, top, 0, Axis.PAD);
        Svg svg = new Svg(width, height);
        svg.text(left, 18, title, "start", 14, 0, "bold", (int) ((width - left) / 8.5));
        x.drawVertical(svg, top, height - bottom);
        y.drawHorizontal(svg, left, width - right);
        double w = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            double x0 = x.map(lo + b * w);
            double x1 = x.map(lo + (b + 1) * w);
            svg.rect(x0 + 0.5, y.map(counts[b]), Math.max(0.5, x1 - x0 - 1), y.map(0) - y.map(counts[b]), Palette.category(0),
                    String.format(java.util.Locale.ROOT, "%.4g to %.4g: %d", lo + b * w, lo + (b + 1) * w, counts[b]));
        }
        svg.line(left, height - bottom, width - right, height - bottom, "#444444", 1);
        svg.text((left + width - right) / 2, height - 8, axisLabel, "middle", 12, 0, null, (int) ((width - left - right) / 7));
        svg.text(14, (top + height - bottom) / 2, "rows", "middle", 12, -90, null);
        return svg.toString(title);
    }
}
