package automl4j.report.svg;

import java.util.List;

/** One axis of a chart: its ticks, the pixels they span, and how it draws its grid lines and tick labels. */
final class Axis {
    private final double[] ticks;
    private final double lo;
    private final double hi;
    private final double from;
    private final double to;
    private final boolean log;
    private final List<String> categories;

    /** An axis from the first to the last of {@code ticks}, drawn from pixel {@code from} to pixel {@code to}. */
    Axis(double[] ticks, double from, double to, boolean log) {
        this(ticks, ticks[0], ticks[ticks.length - 1], from, to, log, null);
    }

    private Axis(double[] ticks, double lo, double hi, double from, double to, boolean log, List<String> categories) {
        this.ticks = ticks;
        this.lo = lo;
        this.hi = hi;
        this.from = from;
        this.to = to;
        this.log = log;
        this.categories = categories;
    }

    /** A horizontal axis of categories at 0, 1, 2 ..., each labelled, with half a step of room at both ends. */
    static Axis categories(List<String> labels, double from, double to) {
        double[] ticks = new double[labels.size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = i;
        }
        return new Axis(ticks, -0.5, labels.size() - 0.5, from, to, false, List.copyOf(labels));
    }

    /** Characters of a category label that fit its slot unrotated (about 6.5 pixels each at 11 px). */
    private int fits() {
        return (int) (Math.abs(to - from) / Math.max(1, ticks.length) / 6.5);
    }

    /** True if the category labels are too long for their slots and are drawn slanted (they then need more room below). */
    static boolean slants(List<String> labels, double width) {
        int fits = (int) (width / Math.max(1, labels.size()) / 6.5);
        return labels.stream().anyMatch(l -> l.length() > fits);
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
        if (categories != null) {
            boolean slant = categories.stream().anyMatch(l -> l.length() > fits());
            for (int i = 0; i < ticks.length; i++) {
                svg.line(map(i), top, map(i), bottom, "#eeeeee", 1);
                if (slant) {
                    svg.text(map(i) + 3, bottom + 12, categories.get(i), "end", 11, -35, null, 16);
                } else {
                    svg.text(map(i), bottom + 16, categories.get(i), "middle", 11, 0, null);
                }
            }
            return;
        }
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
