package automl4j.report;

import automl4j.report.svg.Svg;
import automl4j.report.svg.XyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pieces the report's sections are written with: sections, notes, figures, cells and numbers, all escaped. */
final class Html {
    private Html() {
    }

    static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(Svg.escape(title)).append("</h2>\n");
    }

    static void note(StringBuilder h, String text) {
        h.append("<p class=\"note\">").append(Svg.escape(text)).append("</p>\n");
    }

    static void figure(StringBuilder h, String svg) {
        h.append("<figure>").append(svg).append("</figure>\n");
    }

    /** A chart with a caption under it (escaped); no caption when {@code caption} is empty. */
    static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>").append(svg);
        if (!caption.isEmpty()) {
            h.append("<figcaption class=\"note\">").append(Svg.escape(caption)).append("</figcaption>");
        }
        h.append("</figure>\n");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.5f", v);
    }

    /** A table cell of {@code text} cut in the middle to at most 32 characters, the whole in its tooltip when cut. */
    static String cut(String cell, String text) {
        String shown = Svg.shorten(text, 32);
        return "<" + cell + (shown.equals(text) ? "" : " title=\"" + Svg.escape(text) + "\"") + ">" + Svg.escape(shown) + "</" + cell + ">";
    }

    /** Points ({@code x[i]}, {@code y[i]}), with tooltips {@code labels[i]: y} when {@code labels} is not null. */
    static List<XyChart.Point> points(double[] x, double[] y, List<String> labels) {
        List<XyChart.Point> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new XyChart.Point(x[i], y[i], labels == null ? null : labels.get(i) + ": " + fmt(y[i])));
        }
        return out;
    }
}
