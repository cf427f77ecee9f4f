package automl4j.report.svg;

import java.util.List;

/**
 * One axis of a chart: the range of values it shows, its ticks and their labels (in one number format), the pixels it
 * spans, and how it draws its grid lines and tick labels.
 *
 * <p>A numeric axis ends at its data, not at the next round value past it (unless that is within {@link #SNAP} of the
 * range): its ticks are the round values inside the range, and the range is drawn {@link #PAD} pixels inside the frame
 * at each end, so that marks at the ends of the range (a curve along 0 or 1, the largest point) are not drawn on the
 * frame. Made in two steps: {@link #numeric} or {@link #categories} fix the values and labels, from which a chart sizes
 * its margins; {@link #place} puts them on pixels.
 */
final class Axis {
    /** Pixels between the frame and the ends of a numeric axis's range. */
    static final double PAD = 8;
    /** Share of its range by which a linear axis is widened, at most, to end at a round value. */
    static final double SNAP = 0.05;
    /** Font size of tick labels. */
    static final int FONT = 11;

    private final double lo;
    private final double hi;
    private final boolean log;
    private final double[] ticks;
    private final String[] labels;
    private final List<String> categories;
    private final double start;
    private final double end;

    private Axis(double lo, double hi, boolean log, double[] ticks, String[] labels, List<String> categories, double start, double end) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.ticks = ticks;
        this.labels = labels;
        this.categories = categories;
        this.start = start;
        this.end = end;
    }

    /**
     * A numeric axis showing {@code lo} to {@code hi} (a single value is widened around it; on a log axis both must be
     * > 0), with about {@code count} ticks inside.
     */
    static Axis numeric(double lo, double hi, boolean log, int count) {
        if (!(hi > lo)) {
            if (log) {
                lo /= 2;
                hi *= 2;
            } else {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
        }
        if (!log) {   // a range that ends just short of a round value (0.998 of probabilities) is taken to it
            double step = Ticks.niceStep((hi - lo) / Math.max(1, count));
            double slack = SNAP * (hi - lo);
            double up = Math.ceil(hi / step) * step;
            double down = Math.floor(lo / step) * step;
            hi = up - hi <= slack ? up : hi;
            lo = lo - down <= slack ? down : lo;
        }
        double[] ticks = log ? Ticks.log(lo, hi) : Ticks.inside(lo, hi, count);
        return new Axis(lo, hi, log, ticks, Ticks.labels(ticks, log), null, 0, 1);
    }

    /** A horizontal axis of categories at 0, 1, 2 ..., each labelled, with half a step of room at both ends. */
    static Axis categories(List<String> labels) {
        double[] ticks = new double[labels.size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = i;
        }
        return new Axis(-0.5, labels.size() - 0.5, false, ticks, labels.toArray(new String[0]), List.copyOf(labels), 0, 1);
    }

    /**
     * This axis drawn from pixel {@code from} to pixel {@code to} (the frame; {@code to < from} for a vertical axis),
     * its range {@code padFrom} and {@code padTo} pixels inside the frame's ends. A category axis has no padding.
     */
    Axis place(double from, double to, double padFrom, double padTo) {
        double sign = Math.signum(to - from);
        boolean pad = categories == null;
        return new Axis(lo, hi, log, ticks, labels, categories, from + (pad ? sign * padFrom : 0), to - (pad ? sign * padTo : 0));
    }

    /** This axis drawn from pixel {@code from} to pixel {@code to}, its range {@link #PAD} pixels inside both ends. */
    Axis place(double from, double to) {
        return place(from, to, PAD, PAD);
    }

    /** Characters of a category label that fit its slot unrotated (about 6.5 pixels each at 11 px). */
    private int fits() {
        return (int) (Math.abs(end - start) / Math.max(1, ticks.length) / 6.5);
    }

    /** True if the category labels are too long for their slots and are drawn slanted (they then need more room below). */
    static boolean slants(List<String> labels, double width) {
        int fits = (int) (width / Math.max(1, labels.size()) / 6.5);
        return labels.stream().anyMatch(l -> l.length() > fits);
    }

    /** The lowest value shown. */
    double lo() {
        return lo;
    }

    /** The highest value shown. */
    double hi() {
        return hi;
    }

    /** Pixels of the widest tick label. */
    double widest() {
        double w = 0;
        for (String l : labels) {
            w = Math.max(w, Ticks.width(l, FONT));
        }
        return w;
    }

    /** Pixels of the last tick label (centred on its tick, half of it is right of the last tick). */
    double lastWidth() {
        return labels.length == 0 ? 0 : Ticks.width(labels[labels.length - 1], FONT);
    }

    /** The tick labels, in order. */
    List<String> labels() {
        return List.of(labels);
    }

    /** The pixel of value {@code v}. */
    double map(double v) {
        double a = log ? Math.log10(lo) : lo;
        double b = log ? Math.log10(hi) : hi;
        double t = ((log ? Math.log10(v) : v) - a) / (b - a);
        return start + t * (end - start);
    }

    /**
     * The frame of a chart of labelled rows along this horizontal value axis (bars, beeswarm lanes): the title, the
     * grid, a line at zero and the axis label at the foot, on a chart {@code width} by {@code height} whose plot spans
     * {@code left} to {@code width - right} and {@code top} to {@code bottom}.
     */
    void drawRowFrame(Svg svg, String title, String axisLabel, int width, int height, double left, double right, double top,
                      double bottom) {
        svg.text(8, 18, title, "start", 14, 0, "bold", (int) (width / 8.5));
        drawVertical(svg, top, bottom);
        svg.line(map(0), top, map(0), bottom, "#444444", 1);
        svg.text((left + width - right) / 2, height - 8, axisLabel, "middle", 12, 0, null, (int) ((width - left - right) / 7));
    }

    /** As the horizontal axis: a vertical grid line from {@code top} to {@code bottom} and a label below, per tick. */
    void drawVertical(Svg svg, double top, double bottom) {
        if (categories != null) {
            boolean slant = categories.stream().anyMatch(l -> l.length() > fits());
            for (int i = 0; i < ticks.length; i++) {
                svg.line(map(i), top, map(i), bottom, "#eeeeee", 1);
                if (slant) {
                    svg.text(map(i) + 3, bottom + 12, categories.get(i), "end", FONT, -35, null, 16);
                } else {
                    svg.text(map(i), bottom + 16, categories.get(i), "middle", FONT, 0, null);
                }
            }
            return;
        }
        for (int i = 0; i < ticks.length; i++) {
            svg.line(map(ticks[i]), top, map(ticks[i]), bottom, "#eeeeee", 1);
            svg.text(map(ticks[i]), bottom + 16, labels[i], "middle", FONT, 0, null);
        }
    }

    /** As the vertical axis: a horizontal grid line from {@code left} to {@code right} and a label left of it, per tick. */
    void drawHorizontal(Svg svg, double left, double right) {
        for (int i = 0; i < ticks.length; i++) {
            svg.line(left, map(ticks[i]), right, map(ticks[i]), "#eeeeee", 1);
            svg.text(left - 6, map(ticks[i]) + 4, labels[i], "end", FONT, 0, null);
        }
    }

    /**
     * The left margin of a chart with this vertical axis: room for the widest tick label (which ends 6 pixels left of
     * the frame) and, left of it, the rotated axis title (about 22 pixels from the edge), and at least {@code least}.
     */
    double leftMargin(double least) {
        return Math.max(least, Math.ceil(30 + widest()));
    }
}
