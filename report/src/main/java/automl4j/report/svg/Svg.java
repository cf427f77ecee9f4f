package automl4j.report.svg;

import java.util.Locale;

/**
 * A small SVG writer: elements appended to a string with every attribute and text escaped, so that names from the data
 * (column names, class labels) can never inject markup into the page.
 */
public final class Svg {
    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;

    /** An empty drawing of {@code width} by {@code height} pixels. */
    public Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Escapes text for XML and HTML content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');   // control characters are not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate with one decimal (a tenth of a pixel is finer than any screen shows), without a trailing {@code .0}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return sign + (a / 10) + "." + (a % 10);
    }

    /**
     * {@code s} cut to at most {@code max} characters by an ellipsis in the middle, keeping its start and its end, where
     * names that share a prefix differ ({@code column_with_…_name_12}).
     */
    public static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int keep = Math.max(2, max - 1);
        int tail = keep / 2;
        return s.substring(0, keep - tail) + "\u2026" + s.substring(s.length() - tail);
    }

    /** A rectangle; {@code tooltip} (may be null) shows on hover. */
    public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(Math.max(0, w)))
                .append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"").append(escape(fill)).append('"');
        return close("rect", tooltip);
    }

    /** A line segment. */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
                .append(num(width)).append("\"/>\n");
        return this;
    }

    /** A dashed line segment. */
    public Svg dashed(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke))
                .append("\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n");
        return this;
    }

    /** A circle; {@code tooltip} (may be null) shows on hover. */
    public Svg circle(double cx, double cy, double r, String fill, double opacity, String tooltip) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(escape(fill)).append("\" fill-opacity=\"").append(String.format(Locale.ROOT, "%.2f", opacity)).append('"');
        return close("circle", tooltip);
    }

    /** A polyline through the points ({@code xs[i]}, {@code ys[i]}). */
    public Svg polyline(double[] xs, double[] ys, String stroke, double width, String tooltip) {
        out.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"").append(num(width))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append('"');
        return close("polyline", tooltip);
    }

    /**
     * Short horizontal strokes, {@code 2 * half} pixels long, centred on the points ({@code xs[i]}, {@code ys[i]}), as
     * one path: marks of values at categories, which no line may join.
     */
    public Svg ticks(double[] xs, double[] ys, double half, String stroke, double width) {
        out.append("<path fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"").append(num(width)).append("\" d=\"");
        String len = num(2 * half);
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "M" : " M").append(num(xs[i] - half)).append(' ').append(num(ys[i])).append('h').append(len);
        }
        out.append("\"/>\n");
        return this;
    }

    /** Text anchored {@code start}, {@code middle} or {@code end}; {@code rotate} in degrees about the anchor. */
    public Svg text(double x, double y, String text, String anchor, int size, double rotate, String weight) {
        return text(x, y, text, anchor, size, rotate, weight, Integer.MAX_VALUE);
    }

    /**
     * Text as {@link #text(double, double, String, String, int, double, String)}, cut to {@code maxChars} characters;
     * cut text shows the whole on hover.
     */
    public Svg text(double x, double y, String text, String anchor, int size, double rotate, String weight, int maxChars) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append('"');
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(num(rotate)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        String shown = shorten(text, maxChars);
        out.append('>').append(escape(shown));
        if (!shown.equals(text)) {
            out.append("<title>").append(escape(text)).append("</title>");
        }
        out.append("</text>\n");
        return this;
    }

    /**
     * Many small circles without tooltips, in one group that holds what they share: the compact form for thousands of
     * dots (a beeswarm, a scatter of every row).
     *
     * @param fills one colour per dot, or null to use {@code fill} for all
     */
    public Svg dots(double[] cx, double[] cy, double r, String fill, String[] fills, double opacity) {
        out.append("<g fill-opacity=\"").append(String.format(Locale.ROOT, "%.2f", opacity)).append('"');
        if (fills == null) {
            out.append(" fill=\"").append(escape(fill)).append('"');
        }
        out.append(">\n");
        String radius = num(r);
        for (int i = 0; i < cx.length; i++) {
            out.append("<circle cx=\"").append(num(cx[i])).append("\" cy=\"").append(num(cy[i])).append("\" r=\"").append(radius).append('"');
            if (fills != null) {
                out.append(" fill=\"").append(escape(fills[i])).append('"');
            }
            out.append("/>\n");
        }
        out.append("</g>\n");
        return this;
    }

    private Svg close(String element, String tooltip) {
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    /** The drawing as an {@code <svg>} element with a label for screen readers. */
    public String toString(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + escape(label) + "\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\">\n"
                + out + "</svg>\n";
    }

    @Override
    public String toString() {
        return toString("chart");
    }
}
