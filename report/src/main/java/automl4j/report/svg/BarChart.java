package automl4j.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one per labelled value, in the order given, with an optional interval drawn across each bar
 * (permutation importance with its confidence interval, mean absolute SHAP values). Negative values extend left of
 * zero.
 */
public final class BarChart {
    /**
     * One bar: a label, a value, an interval ({@code lo..hi}, NaN for none), a tooltip (may be null) and a short text
     * written right of the plot, such as a p-value (may be null).
     */
    public record Bar(String label, double value, double lo, double hi, String tooltip, String note) {
    }

    private final String title;
    private final String axisLabel;
    private final List<Bar> bars = new ArrayList<>();
    private int width = 560;

    /** An empty chart. */
    public BarChart(String title, String axisLabel) {
        this.title = title;
        this.axisLabel = axisLabel;
    }

    /** Adds a bar. */
    public BarChart bar(String label, double value, double lo, double hi, String tooltip) {
        return bar(label, value, lo, hi, tooltip, null);
    }

    /** Adds a bar with a short text right of the plot (such as {@code p = 0.003}). */
    public BarChart bar(String label, double value, double lo, double hi, String tooltip, String note) {
        bars.add(new Bar(label, value, lo, hi, tooltip, note));
        return this;
    }

    /** Width in pixels. */
    public BarChart width(int w) {
        this.width = w;
        return this;
    }

    /** The chart as an SVG element. */
    public String svg() {
        double lo = 0;
        double hi = 0;
        for (Bar b : bars) {
            for (double v : new double[] {b.value(), b.lo(), b.hi()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        Axis values = Axis.numeric(lo, hi, false, 5);
        int rowHeight = 20;
        double left = 170;
        boolean notes = bars.stream().anyMatch(b -> b.note() != null);
        double right = Math.max(notes ? 86 : 20, Math.ceil(values.lastWidth() / 2 + 4));
        double top = 30;
        double bottom = 44;
        int height = (int) (top + bottom + Math.max(1, bars.size()) * rowHeight);
        Axis x = values.place(left, width - right);
        Svg svg = new Svg(width, height);
        x.drawRowFrame(svg, title, axisLabel, width, height, left, right, top, height - bottom);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowHeight;
            svg.text(left - 6, y + rowHeight * 0.7, b.label(), "end", 11, 0, null, 24);
            if (b.note() != null) {
                svg.text(width - right + 8, y + rowHeight * 0.7, b.note(), "start", 11, 0, null, 12);
            }
            if (Double.isFinite(b.value())) {
                double x0 = x.map(Math.min(0, b.value()));
                double x1 = x.map(Math.max(0, b.value()));
                svg.rect(x0, y + 3, x1 - x0, rowHeight - 6, b.value() >= 0 ? Palette.category(0) : Palette.category(3), b.tooltip());
            }
            if (Double.isFinite(b.lo()) && Double.isFinite(b.hi())) {
                double cy = y + rowHeight / 2.0;
                svg.line(x.map(b.lo()), cy, x.map(b.hi()), cy, "#222222", 1.5);
                svg.line(x.map(b.lo()), cy - 4, x.map(b.lo()), cy + 4, "#222222", 1.5);
                svg.line(x.map(b.hi()), cy - 4, x.map(b.hi()), cy + 4, "#222222", 1.5);
            }
        }
        return svg.toString(title);
    }
}
