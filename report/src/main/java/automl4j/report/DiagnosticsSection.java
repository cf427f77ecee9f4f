package automl4j.report;

import static automl4j.report.Html.cut;
import static automl4j.report.Html.figure;
import static automl4j.report.Html.fmt;
import static automl4j.report.Html.note;
import static automl4j.report.Html.section;

import automl4j.report.svg.Histogram;
import automl4j.report.svg.Palette;
import automl4j.report.svg.XyChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's diagnostics section: a classification's confusion matrix and its ROC, precision-recall, calibration,
 * gain and lift curves, or a regression's predicted against actual values, residuals and their histogram.
 */
final class DiagnosticsSection {
    /** Most points drawn of one curve or scatter. */
    private static final int MAX_POINTS = 5000;

    private DiagnosticsSection() {
    }

    static void render(StringBuilder h, ReportData d) {
        section(h, "diagnostics", "Diagnostics of the chosen model");
        if (d.diagnostics() == null) {
            note(h, "No diagnostics were computed.");
        } else if (d.diagnostics() instanceof ReportData.ClassDiagnostics c) {
            note(h, "From the " + c.source() + ". " + (c.note().isEmpty() ? "Curves of class '" + c.positive() + "' against the rest." : c.note()));
            // the matrix is the grid's first cell, so that it and the ROC chart start on one line
            h.append("<div class=\"grid\">");
            confusion(h, c);
            figure(h, new XyChart("ROC").labels("false positive rate", "true positive rate").range(0.0, 1.0, 0.0, 1.0).diagonal()
                    .line(c.positive(), curve(c.roc(), "fpr", "tpr")).svg());
            figure(h, new XyChart("Precision-recall").labels("recall", "precision").range(0.0, 1.0, 0.0, 1.0)
                    .line(c.positive(), curve(c.pr(), "recall", "precision")).svg());
            List<XyChart.Point> cal = new ArrayList<>();
            for (Curves.Bin b : c.calibration()) {
                cal.add(new XyChart.Point(b.predicted(), b.observed(), b.rows() + " rows: predicted " + fmt(b.predicted()) + ", observed " + fmt(b.observed())));
            }
            figure(h, new XyChart("Calibration").labels("mean predicted probability", "observed share").range(0.0, 1.0, 0.0, 1.0)
                    .diagonal().line(c.positive(), cal).svg());
            figure(h, new XyChart("Cumulative gain").labels("share of rows, highest scores first", "share of '" + c.positive() + "' found")
                    .range(0.0, 1.0, 0.0, 1.0).diagonal().line(c.positive(), curve(c.gain(), "rows", "found")).svg());
            figure(h, new XyChart("Lift").labels("share of rows, highest scores first", "lift (share found / share of rows)").level(1)
                    .line(c.positive(), lift(c.gain())).svg(), "Lift 1 (dashed) is what rows taken at random find.");
            h.append("</div>\n");
        } else if (d.diagnostics() instanceof ReportData.RegressionDiagnostics r) {
            note(h, "From the " + r.source() + "." + (r.note().isEmpty() ? "" : " " + r.note()));
            List<XyChart.Point> fit = new ArrayList<>();
            List<XyChart.Point> residuals = new ArrayList<>();
            double[] res = new double[r.actual().length];
            int step = Math.max(1, r.actual().length / MAX_POINTS);
            for (int i = 0; i < r.actual().length; i++) {
                res[i] = r.actual()[i] - r.predicted()[i];
                if (i % step == 0) {
                    fit.add(new XyChart.Point(r.actual()[i], r.predicted()[i], null));
                    residuals.add(new XyChart.Point(r.predicted()[i], res[i], null));
                }
            }
            h.append("<div class=\"grid\">");
            figure(h, new XyChart("Predicted against actual").labels("actual", "predicted").diagonal().points("rows", fit).svg());
            figure(h, new XyChart("Residuals against predicted").labels("predicted", "actual - predicted").level(0).points("rows", residuals).svg());
            figure(h, new Histogram("Residuals", "actual - predicted", res, 30).svg());
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static List<XyChart.Point> curve(List<Curves.Point> c, String x, String y) {
        List<XyChart.Point> out = new ArrayList<>();
        int step = Math.max(1, c.size() / MAX_POINTS);
        for (int i = 0; i < c.size(); i++) {
            if (i % step == 0 || i == c.size() - 1) {
                out.add(new XyChart.Point(c.get(i).x(), c.get(i).y(), null));
            }
        }
        return out;
    }

    /** Lift, the gain divided by the share of rows, at each point of the gain curve but its start (0, 0). */
    private static List<XyChart.Point> lift(List<Curves.Point> gain) {
        List<XyChart.Point> out = new ArrayList<>();
        for (Curves.Point p : gain) {
            if (p.x() > 0) {
                out.add(new XyChart.Point(p.x(), p.y() / p.x(), null));
            }
        }
        return out;
    }

    /** The confusion matrix as a figure of the grid: a scrolling table whose headings stay in view. */
    private static void confusion(StringBuilder h, ReportData.ClassDiagnostics c) {
        long max = 1;
        for (long[] row : c.confusion()) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        h.append("<figure class=\"matrix\"><div class=\"caption\">Confusion matrix</div><div class=\"scroll\"><table class=\"confusion\">")
                .append("<thead><tr><th>true \\ predicted</th>");
        for (String k : c.classes()) {
            h.append(cut("th", k));
        }
        h.append("</tr></thead><tbody>");
        for (int t = 0; t < c.confusion().length; t++) {
            h.append("<tr>").append(cut("th", c.classes().get(t)));
            for (int p = 0; p < c.confusion()[t].length; p++) {
                double share = (double) c.confusion()[t][p] / max;
                h.append("<td style=\"background:").append(Palette.shade(share)).append(";color:").append(share > 0.55 ? "#fff" : "#000")
                        .append("\">").append(c.confusion()[t][p]).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div><figcaption class=\"note\">Rows: the true class; columns: the predicted class.</figcaption></figure>\n");
    }
}
