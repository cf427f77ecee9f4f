package automl4j.report;

import static automl4j.report.Html.cut;
import static automl4j.report.Html.figure;
import static automl4j.report.Html.fmt;
import static automl4j.report.Html.note;
import static automl4j.report.Html.points;
import static automl4j.report.Html.section;

import automl4j.report.svg.BarChart;
import automl4j.report.svg.Beeswarm;
import automl4j.report.svg.XyChart;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/** The report's importance section: permutation importance, the SHAP summary and beeswarm, partial dependence and ICE. */
final class ImportanceSection {
    private ImportanceSection() {
    }

    static void render(StringBuilder h, ReportData d) {
        section(h, "importance", "Importance");
        h.append("<h3>Permutation importance</h3>\n");
        if (d.importance().isEmpty()) {
            note(h, "Permutation importance was not computed.");
        } else {
            note(h, "Bars: the mean " + (d.higherIsBetter() ? "drop" : "rise") + " of " + d.metric() + " when a column's values are shuffled, "
                    + "with its confidence interval; right: the p-value of no effect. Hover a bar for the numbers.");
            BarChart bars = new BarChart("Permutation importance (held-out rows)", (d.higherIsBetter() ? "drop in " : "rise in ") + d.metric()
                    + " when the column is shuffled");
            // mean, low and high are one quantity: one format for the three columns of the table and the tooltips
            ColumnFormat f = ColumnFormat.of(d.importance().stream().flatMapToDouble(i -> DoubleStream.of(i.mean(), i.lo(), i.hi())).toArray());
            for (ReportData.Importance i : d.importance()) {
                String p = Double.isNaN(i.pValue()) ? null : pValue(i.pValue());
                bars.bar(i.column(), i.mean(), i.lo(), i.hi(), i.column() + ": " + f.format(i.mean()) + " [" + f.format(i.lo()) + ", "
                        + f.format(i.hi()) + "]" + (p == null ? "" : ", " + p), p);
            }
            h.append("<div class=\"grid\">");
            figure(h, bars.svg());
            h.append("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>column</th><th>mean</th><th>low</th><th>high</th>"
                    + "<th>p-value</th></tr></thead><tbody>\n");
            for (ReportData.Importance i : d.importance()) {
                h.append("<tr>").append(cut("td", i.column())).append("<td>").append(f.format(i.mean())).append("</td><td>").append(f.format(i.lo()))
                        .append("</td><td>").append(f.format(i.hi())).append("</td><td>")
                        .append(Double.isNaN(i.pValue()) ? "" : i.pValue() < 1e-4 ? "&lt; 0.0001" : String.format(Locale.ROOT, "%.4f", i.pValue()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table></div>\n</div>\n");
        }
        h.append("<h3>SHAP values</h3>\n");
        ReportData.Shap s = d.shap();
        if (s == null) {
            note(h, "SHAP values were not computed.");
        } else {
            note(h, "SHAP values of '" + s.output() + "' in " + s.space() + " space, " + method(s) + "; " + s.values().length + " rows"
                    + (s.note().isEmpty() ? "." : "; " + s.note() + "."));
            BarChart mean = new BarChart("Mean |SHAP value| per column", "mean absolute SHAP value (" + s.space() + ")");
            Beeswarm swarm = new Beeswarm("SHAP values per row", "SHAP value (" + s.space() + ")");
            for (int c = 0; c < s.columns().size(); c++) {
                double[] shap = new double[s.values().length];
                double[] cells = new double[s.values().length];
                double sum = 0;
                for (int r = 0; r < shap.length; r++) {
                    shap[r] = s.values()[r][c];
                    cells[r] = s.cells()[r][c];
                    sum += Math.abs(shap[r]);
                }
                double m = sum / Math.max(1, shap.length);
                mean.bar(s.columns().get(c), m, Double.NaN, Double.NaN, s.columns().get(c) + ": " + fmt(m));
                swarm.lane(s.columns().get(c), shap, cells);
            }
            h.append("<div class=\"grid\">");
            figure(h, mean.svg());
            figure(h, swarm.svg(), "One dot per row. Colour: the column's value in the row, from blue (lowest) to red (highest); grey "
                    + "where it has none.");
            h.append("</div>\n");
        }
        h.append("<h3>Partial dependence and ICE</h3>\n");
        if (d.dependence().isEmpty()) {
            note(h, "Partial dependence was not computed.");
        } else {
            note(h, "The mean prediction (coloured) with the column set to each value for every sampled row, and some rows' own "
                    + "predictions (ICE, grey): lines over a numeric column, short strokes at each value of a categorical one, "
                    + "whose values have no order to join them in.");
            h.append("<div class=\"grid\">");
            for (ReportData.Dependence dep : d.dependence()) {
                XyChart chart = new XyChart(dep.column()).labels(dep.column(), "predicted " + dep.output());
                List<XyChart.Point> mean = points(dep.grid(), dep.mean(), dep.labels());
                if (dep.categorical()) {
                    chart.categories(dep.labels());
                    for (double[] ice : dep.ice()) {
                        chart.faintTicks(points(dep.grid(), ice, null));
                    }
                    chart.ticks("mean (partial dependence)", mean);
                } else {
                    for (double[] ice : dep.ice()) {
                        chart.faintLine(points(dep.grid(), ice, null));
                    }
                    chart.line("mean (partial dependence)", mean);
                }
                figure(h, chart.svg(), dep.note());
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }


    /** How the values were computed, without the space they are in when it says so last (the note names the space). */
    private static String method(ReportData.Shap s) {
        String suffix = ", " + s.space() + " space";
        return s.method().endsWith(suffix) ? s.method().substring(0, s.method().length() - suffix.length()) : s.method();
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
