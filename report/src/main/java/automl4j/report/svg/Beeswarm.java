package automl4j.report.svg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SHAP summary plot: one row per column, one dot per explained row at its SHAP value, coloured by the column's
 * value in that row (blue low, red high; grey when the value is missing or not a number), dots spread
 * vertically where they crowd so that their density shows.
 */
public final class Beeswarm {
    /** One column's row: its name, the SHAP value of each explained row and the column's value there (NaN if none). */
    public record Lane(String column, double[] shap, double[] value) {
    }

    private final String title;
    private final String axisLabel;
    private final List<Lane> lanes = new ArrayList<>();

    /** An empty plot. */
    public Beeswarm(String title, String axisLabel) {
        this.title = title;
        this.axisLabel = axisLabel;
    }

    /** Adds a column's lane (drawn top to bottom in the order added). */
    public Beeswarm lane(String column, double[] shap, double[] value) {
        lanes.add(new Lane(column, shap.clone(), value.clone()));
        return this;
    }

    /** The plot as an SVG element. */
    public String svg() {
        double lo = 0;
        double hi = 0;
        for (Lane l : lanes) {
            for (double v : l.shap()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int width = 620;
        int laneHeight = 28;
        double left = 170;
        Axis values = Axis.numeric(lo, hi, false, 6);
        double right = Math.max(30, Math.ceil(values.lastWidth() / 2 + 4));
        double top = 30;
        double bottom = 46;
        int height = (int) (top + bottom + Math.max(1, lanes.size()) * laneHeight);
        Axis x = values.place(left, width - right);
        Svg svg = new Svg(width, height);
        x.drawRowFrame(svg, title, axisLabel, width, height, left, right, top, height - bottom);
        for (int i = 0; i < lanes.size(); i++) {
            Lane l = lanes.get(i);
            double cy = top + i * laneHeight + laneHeight / 2.0;
            svg.text(left - 6, cy + 4, l.column(), "end", 11, 0, null, 24);
            double vlo = Double.POSITIVE_INFINITY;
            double vhi = Double.NEGATIVE_INFINITY;
            for (double v : l.value()) {
                if (Double.isFinite(v)) {
                    vlo = Math.min(vlo, v);
                    vhi = Math.max(vhi, v);
                }
            }
            // Dots in the same pixel column stack up and down from the lane's centre line.
            int[] crowd = new int[width + 1];
            int n = l.shap().length;
            double[] xs = new double[n];
            double[] ys = new double[n];
            String[] fills = new String[n];
            int dots = 0;
            for (int r = 0; r < n; r++) {
                if (!Double.isFinite(l.shap()[r])) {
                    continue;
                }
                double px = x.map(l.shap()[r]);
                int bucket = (int) Math.max(0, Math.min(width, Math.round(px / 3)));
                int k = crowd[bucket]++;
                double offset = ((k % 2 == 0) ? 1 : -1) * ((k + 1) / 2) * 2.0;
                offset = Math.max(-laneHeight / 2.0 + 2, Math.min(laneHeight / 2.0 - 2, offset));
                double v = r < l.value().length ? l.value()[r] : Double.NaN;
                double t = Double.isFinite(v) && vhi > vlo ? (v - vlo) / (vhi - vlo) : Double.NaN;
                xs[dots] = px;
                ys[dots] = cy + offset;
                fills[dots++] = Palette.ramp(t);
            }
            // No tooltip per dot: thousands of them would multiply the size of the page. Dots are drawn in row order,
            // each with its colour, so that no colour is drawn over the others.
            svg.dots(Arrays.copyOf(xs, dots), Arrays.copyOf(ys, dots), 2.2, null, Arrays.copyOf(fills, dots), 0.8);
        }
        return svg.toString(title);
    }
}
