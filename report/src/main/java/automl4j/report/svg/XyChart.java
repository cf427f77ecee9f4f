package automl4j.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart of points and lines on two numeric axes (linear or logarithmic), with a legend when there is more than one
 * series: score against fit time, ROC and precision-recall curves, calibration, lift, predicted against actual,
 * residuals, anytime curves, partial dependence. Points carry tooltips. Non-finite values (and values at or below 0 on
 * a log axis) are left out. Values at categories are marked by short strokes that no line joins. Each axis ends at
 * its data with a few pixels of room ({@link Axis}); the left margin makes room for the widest tick label.
 */
public final class XyChart {
    /** A point with the text shown when hovering it (may be null). */
    public record Point(double x, double y, String tooltip) {
    }

    /** How a series is drawn. */
    private enum Kind { POINTS, LINE, STEPS, TICKS }

    private record Series(String name, List<Point> points, Kind kind, String colour, boolean faint) {
    }

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private boolean logY;
    private int width = 560;
    private int height = 340;
    private boolean diagonal;
    private Double level;
    private Double xMin;
    private Double xMax;
    private Double yMin;
    private Double yMax;
    private List<String> categories;
    private final List<Series> series = new ArrayList<>();

    /** An empty chart titled {@code title}. */
    public XyChart(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Axis labels. */
    public XyChart labels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    /** Logarithmic axes. */
    public XyChart log(boolean x, boolean y) {
        this.logX = x;
        this.logY = y;
        return this;
    }

    /** Size in pixels. */
    public XyChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** Fixed axis ranges (for curves on [0, 1]); null leaves one to the data. */
    public XyChart range(Double xLo, Double xHi, Double yLo, Double yHi) {
        this.xMin = xLo;
        this.xMax = xHi;
        this.yMin = yLo;
        this.yMax = yHi;
        return this;
    }

    /**
     * Makes the x axis one of categories: a point at x = i is drawn in the slot of {@code labels.get(i)}, labelled
     * with it (slanted and cut, the whole on hover, when the labels are long).
     */
    public XyChart categories(List<String> labels) {
        this.categories = List.copyOf(labels);
        return this;
    }

    /** Draws the line y = x (perfect calibration, predicted equals actual). */
    public XyChart diagonal() {
        this.diagonal = true;
        return this;
    }

    /** Draws a dashed horizontal line at {@code y} (zero residual), when it is inside the range. */
    public XyChart level(double y) {
        this.level = y;
        return this;
    }

    /** Adds points. */
    public XyChart points(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), Kind.POINTS, Palette.category(named()), false));
        return this;
    }

    /** Adds a line through the points in order. */
    public XyChart line(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), Kind.LINE, Palette.category(named()), false));
        return this;
    }

    /** Adds a step line (each value holds until the next point), such as the best score so far. */
    public XyChart steps(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), Kind.STEPS, Palette.category(named()), false));
        return this;
    }

    /** Adds a thin grey line left out of the legend, such as one row's ICE curve behind the mean. */
    public XyChart faintLine(List<Point> points) {
        series.add(new Series("", List.copyOf(points), Kind.LINE, "#bbbbbb", true));
        return this;
    }

    /**
     * Adds a short thick horizontal stroke at each point, joined by no line: values at categories, such as the mean
     * partial dependence of each level of a column.
     */
    public XyChart ticks(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), Kind.TICKS, Palette.category(named()), false));
        return this;
    }

    /** Adds a short thin grey stroke at each point, left out of the legend, such as one row's ICE values at categories. */
    public XyChart faintTicks(List<Point> points) {
        series.add(new Series("", List.copyOf(points), Kind.TICKS, "#bbbbbb", true));
        return this;
    }

    private int named() {
        return (int) series.stream().filter(s -> !s.faint()).count();
    }

    private boolean usable(Point p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!logX || p.x() > 0) && (!logY || p.y() > 0);
    }

    /** The chart as an SVG element. */
    public String svg() {
        double loX = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (usable(p)) {
                    loX = Math.min(loX, p.x());
                    hiX = Math.max(hiX, p.x());
                    loY = Math.min(loY, p.y());
                    hiY = Math.max(hiY, p.y());
                }
            }
        }
        boolean empty = loX > hiX;
        if (empty) {
            loX = logX ? 1 : 0;
            hiX = logX ? 10 : 1;
            loY = logY ? 1 : 0;
            hiY = logY ? 10 : 1;
        }
        loX = xMin != null ? xMin : loX;
        hiX = xMax != null ? xMax : hiX;
        loY = yMin != null ? yMin : loY;
        hiY = yMax != null ? yMax : hiY;
        boolean legend = named() > 1;
        Axis xs = categories != null ? Axis.categories(categories) : Axis.numeric(loX, hiX, logX, 6);
        Axis ys = Axis.numeric(loY, hiY, logY, 5);
        double left = ys.leftMargin(64);
        double right = legend ? 150 : categories != null ? 20 : Math.max(20, Math.ceil(xs.lastWidth() / 2 + 4));
        double top = 30;
        boolean slant = categories != null && Axis.slants(categories, width - left - right);
        double bottom = slant ? 96 : 46;
        Axis x = xs.place(left, width - right);
        Axis y = ys.place(height - bottom, top);
        Svg svg = new Svg(width, height);
        svg.text(left, 18, title, "start", 14, 0, "bold", (int) ((width - left) / 8.5));
        x.drawVertical(svg, top, height - bottom);
        y.drawHorizontal(svg, left, width - right);
        svg.line(left, height - bottom, width - right, height - bottom, "#444444", 1);
        svg.line(left, top, left, height - bottom, "#444444", 1);
        svg.text((left + width - right) / 2, height - 8, xLabel, "middle", 12, 0, null, (int) ((width - left - right) / 7));
        svg.text(14, (top + height - bottom) / 2, yLabel, "middle", 12, -90, null, (int) ((height - top - bottom) / 7));
        if (diagonal) {
            double lo = Math.max(x.lo(), y.lo());
            double hi = Math.min(x.hi(), y.hi());
            if (hi > lo) {
                svg.dashed(x.map(lo), y.map(lo), x.map(hi), y.map(hi), "#888888");
            }
        }
        if (level != null && level >= y.lo() && level <= y.hi()) {
            svg.dashed(left, y.map(level), width - right, y.map(level), "#888888");
        }
        if (empty) {
            svg.text((left + width - right) / 2, (top + height - bottom) / 2, "no data", "middle", 12, 0, null);
        }
        // a category's slot is as wide as the plot over the categories; its strokes take up to half of it
        double half = categories == null ? 10 : Math.min(14, (width - left - right) / Math.max(1, categories.size()) / 4);
        for (Series s : series) {
            List<Point> pts = s.points().stream().filter(this::usable).toList();
            if (s.kind() == Kind.LINE || s.kind() == Kind.STEPS) {
                List<Double> xl = new ArrayList<>();
                List<Double> yl = new ArrayList<>();
                for (int i = 0; i < pts.size(); i++) {
                    if (s.kind() == Kind.STEPS && i > 0) {
                        xl.add(x.map(pts.get(i).x()));
                        yl.add(y.map(pts.get(i - 1).y()));
                    }
                    xl.add(x.map(pts.get(i).x()));
                    yl.add(y.map(pts.get(i).y()));
                }
                svg.polyline(xl.stream().mapToDouble(Double::doubleValue).toArray(), yl.stream().mapToDouble(Double::doubleValue).toArray(),
                        s.colour(), s.faint() ? 1 : 2, s.faint() ? null : s.name());
                tooltips(svg, pts, x, y, s.colour());
            } else if (s.kind() == Kind.TICKS) {
                if (!pts.isEmpty()) {
                    svg.ticks(pts.stream().mapToDouble(p -> x.map(p.x())).toArray(), pts.stream().mapToDouble(p -> y.map(p.y())).toArray(),
                            s.faint() ? half * 0.7 : half, s.colour(), s.faint() ? 1 : 3);
                }
                tooltips(svg, pts, x, y, s.colour());
            } else {
                double opacity = pts.size() > 2000 ? 0.25 : pts.size() > 300 ? 0.5 : 0.8;
                double r = pts.size() > 2000 ? 2 : 3.5;
                List<Point> plain = pts.stream().filter(p -> p.tooltip() == null).toList();
                double[] cx = plain.stream().mapToDouble(p -> x.map(p.x())).toArray();
                double[] cy = plain.stream().mapToDouble(p -> y.map(p.y())).toArray();
                if (cx.length > 0) {
                    svg.dots(cx, cy, r, s.colour(), null, opacity);
                }
                for (Point p : pts) {
                    if (p.tooltip() != null) {
                        svg.circle(x.map(p.x()), y.map(p.y()), r, s.colour(), opacity, p.tooltip());
                    }
                }
            }
        }
        if (legend) {
            double ly = top + 4;
            for (Series s : series) {
                if (s.faint()) {
                    continue;
                }
                svg.rect(width - right + 12, ly, 10, 10, s.colour(), null);
                svg.text(width - right + 27, ly + 9, s.name(), "start", 11, 0, null, 19);
                ly += 16;
            }
        }
        return svg.toString(title);
    }

    /** Invisible targets for the tooltips of a line's or strokes' points. */
    private static void tooltips(Svg svg, List<Point> pts, Axis x, Axis y, String colour) {
        for (Point p : pts) {
            if (p.tooltip() != null) {
                svg.circle(x.map(p.x()), y.map(p.y()), 4, colour, 0.01, p.tooltip());
            }
        }
    }
}
