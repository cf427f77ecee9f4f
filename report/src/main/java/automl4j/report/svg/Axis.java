package automl4j.report.svg;

/** One axis of a chart: its ticks, the pixels they span, and how it draws its grid lines and tick labels. */
final class Axis {
    private final double[] ticks;
    private final double lo;
    private final double hi;
    private final double from;
    private final double to;
    private final boolean log;

    /** An axis from the first to the last of {@code ticks}, drawn from pixel {@code from} to pixel {@code to}. */
    Axis(double[] ticks, double from, double to, boolean log) {
        this.ticks = ticks;
        this.lo = ticks[0];
        this.hi = ticks[ticks.length - 1];
        this.from = from;
        this.to = to;
        this.log = log;
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }

    /** The pixel of value {@code v}. */
    double map(double v) {
        double a = log ? Math.log10(lo) : lo;
        double b = log ? Math.log10(hi) : hi;
        double t = ((log ? Math.log10(v) : v) - a) / (b - a);
        return from + t * (to - from);
    }

    private String label(double t) {
        return Ticks.label(t, log ? t : ticks.length > 1 ? ticks[1] - ticks[0] : 1);
    }

    /** As the horizontal axis: a vertical grid line from {@code top} to {@code bottom} and a label below, per tick. */
    void drawVertical(Svg svg, double top, double bottom) {
        for (double t : ticks) {
            svg.line(map(t), top, map(t), bottom, "#eeeeee", 1);
            svg.text(map(t), bottom + 16, label(t), "middle", 11, 0, null);
        }
    }

    /** As the vertical axis: a horizontal grid line from {@code left} to {@code right} and a label left of it, per tick. */
    void drawHorizontal(Svg svg, double left, double right) {
        for (double t : ticks) {
            svg.line(left, map(t), right, map(t), "#eeeeee", 1);
            svg.text(left - 6, map(t) + 4, label(t), "end", 11, 0, null);
        }
    }
}
