package automl4j.report;

import automl4j.report.svg.BarChart;
import automl4j.report.svg.Beeswarm;
import automl4j.report.svg.Histogram;
import automl4j.report.svg.Palette;
import automl4j.report.svg.Svg;
import automl4j.report.svg.XyChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link ReportData} as one self-contained HTML page: styles, charts (inline SVG with tooltips) and the few
 * lines of script that sort the leaderboard are all in the file, so it works offline and can be mailed. Every string
 * from the data is escaped.
 */
public final class HtmlReport {
    private static final int MAX_POINTS = 5000;

    private HtmlReport() {
    }

    /** The page. */
    public static String render(ReportData d) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Svg.escape(d.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(Svg.escape(d.title())).append("</h1><nav>");
        for (String[] s : new String[][] {{"summary", "Summary"}, {"leaderboard", "Leaderboard"}, {"search", "Search"},
                {"importance", "Importance"}, {"diagnostics", "Diagnostics"}, {"errors", "Error analysis"}}) {
            h.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
        }
        h.append("</nav></header>\n<main>\n");
        summary(h, d);
        leaderboard(h, d);
        search(h, d);
        importance(h, d);
        diagnostics(h, d);
        errors(h, d);
        h.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(Svg.escape(title)).append("</h2>\n");
    }

    private static void note(StringBuilder h, String text) {
        h.append("<p class=\"note\">").append(Svg.escape(text)).append("</p>\n");
    }

    private static void figure(StringBuilder h, String svg) {
        h.append("<figure>").append(svg).append("</figure>\n");
    }

    /** A chart with a caption under it (escaped); no caption when {@code caption} is empty. */
    private static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>").append(svg);
        if (!caption.isEmpty()) {
            h.append("<figcaption class=\"note\">").append(Svg.escape(caption)).append("</figcaption>");
        }
        h.append("</figure>\n");
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.5f", v);
    }

    private static void summary(StringBuilder h, ReportData d) {
        section(h, "summary", "Summary");
        h.append("<dl class=\"facts\">");
        for (ReportData.Fact f : d.summary()) {
            h.append("<dt>").append(Svg.escape(f.label())).append("</dt><dd>").append(Svg.escape(f.value())).append("</dd>");
        }
        h.append("</dl>\n<h3>Data guardrails</h3>\n");
        if (d.guardrails().isEmpty()) {
            note(h, "No guardrail was run.");
        } else {
            h.append("<ul class=\"guardrails\">");
            for (String g : d.guardrails()) {
                h.append("<li>").append(Svg.escape(g)).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void leaderboard(StringBuilder h, ReportData d) {
        section(h, "leaderboard", "Leaderboard");
        boolean test = d.leaderboard().stream().anyMatch(r -> !Double.isNaN(r.testScore()));
        note(h, d.leaderboard().size() + " trials ranked by validation " + d.metric() + " (" + (d.higherIsBetter() ? "higher" : "lower")
                + " is better). Click a heading to sort.");
        h.append("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>rank</th><th>trial</th><th>learner</th><th>")
                .append(Svg.escape(d.metric())).append("</th>");
        if (test) {
            h.append("<th>test ").append(Svg.escape(d.metric())).append("</th>");
        }
        h.append("<th>fit s</th><th>status</th><th>config</th></tr></thead><tbody>\n");
        for (ReportData.Row r : d.leaderboard()) {
            h.append("<tr><td>").append(r.rank()).append("</td><td>").append(r.trial()).append("</td><td>").append(Svg.escape(r.learner()))
                    .append("</td><td>").append(fmt(r.score())).append("</td>");
            if (test) {
                h.append("<td>").append(fmt(r.testScore())).append("</td>");
            }
            h.append("<td>").append(String.format(Locale.ROOT, "%.2f", r.fitSeconds())).append("</td><td>").append(Svg.escape(r.status()))
                    .append("</td><td class=\"config\">").append(Svg.escape(r.config())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }

    private static void search(StringBuilder h, ReportData d) {
        section(h, "search", "Search");
        Map<String, List<XyChart.Point>> byLearner = new TreeMap<>();
        for (ReportData.Row r : d.leaderboard()) {
            if (!Double.isNaN(r.score()) && r.fitSeconds() > 0) {
                byLearner.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(new XyChart.Point(r.fitSeconds(), r.score(),
                        "trial " + r.trial() + " " + r.learner() + ": " + fmt(r.score()) + " in " + String.format(Locale.ROOT, "%.2f s", r.fitSeconds())));
            }
        }
        XyChart scores = new XyChart("Validation " + d.metric() + " against fit time").labels("fit seconds (log scale)", d.metric()).log(true, false);
        byLearner.forEach(scores::points);
        h.append("<div class=\"grid\">");
        figure(h, scores.svg());
        // A step line changes only where the best score does: those points, and the last, are all it needs.
        List<XyChart.Point> best = new ArrayList<>();
        for (int i = 0; i < d.anytime().size(); i++) {
            double[] p = d.anytime().get(i);
            if (i == 0 || i == d.anytime().size() - 1 || p[1] != d.anytime().get(i - 1)[1]) {
                best.add(new XyChart.Point(p[0], p[1], String.format(Locale.ROOT, "%.1f s: %s", p[0], fmt(p[1]))));
            }
        }
        figure(h, new XyChart("Best " + d.metric() + " so far").labels("seconds since the start", d.metric()).steps("best", best).svg());
        h.append("</div>\n<h3>Score against hyperparameters, per learner</h3>\n<div class=\"grid\">");
        int charts = 0;
        for (Map.Entry<String, List<ReportData.Row>> e : completedByLearner(d).entrySet()) {
            for (String param : mainParams(e.getValue())) {
                List<XyChart.Point> pts = new ArrayList<>();
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (ReportData.Row r : e.getValue()) {
                    Double v = r.params().get(param);
                    if (v != null) {
                        pts.add(new XyChart.Point(v, r.score(), "trial " + r.trial() + ": " + param + " = " + fmt(v) + ", " + fmt(r.score())));
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                boolean log = min > 0 && max / min > 100;
                figure(h, new XyChart(e.getKey() + ": " + param).labels(param + (log ? " (log scale)" : ""), d.metric()).log(log, false)
                        .points(e.getKey(), pts).svg());
                charts++;
            }
        }
        h.append("</div>\n");
        if (charts == 0) {
            note(h, "No learner completed five trials with numeric hyperparameters.");
        }
        h.append("</section>\n");
    }

    private static Map<String, List<ReportData.Row>> completedByLearner(ReportData d) {
        Map<String, List<ReportData.Row>> out = new TreeMap<>();
        for (ReportData.Row r : d.leaderboard()) {
            if (!Double.isNaN(r.score()) && !r.params().isEmpty()) {
                out.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
            }
        }
        out.values().removeIf(rows -> rows.size() < 5);
        return out;
    }

    /** Up to three hyperparameters with the most distinct values across a learner's trials (at least three). */
    private static List<String> mainParams(List<ReportData.Row> rows) {
        Map<String, java.util.Set<Double>> values = new TreeMap<>();
        for (ReportData.Row r : rows) {
            r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v));
        }
        return values.entrySet().stream().filter(e -> e.getValue().size() >= 3)
                .sorted(Comparator.comparing((Map.Entry<String, java.util.Set<Double>> e) -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static void importance(StringBuilder h, ReportData d) {
        section(h, "importance", "Importance");
        h.append("<h3>Permutation importance</h3>\n");
        if (d.importance().isEmpty()) {
            note(h, "Permutation importance was not computed.");
        } else {
            note(h, "Bars: the mean " + (d.higherIsBetter() ? "drop" : "rise") + " of " + d.metric() + " when a column's values are shuffled, "
                    + "with its confidence interval; right: the p-value of no effect. Hover a bar for the numbers.");
            BarChart bars = new BarChart("Permutation importance (held-out rows)", (d.higherIsBetter() ? "drop in " : "rise in ") + d.metric()
                    + " when the column is shuffled");
            for (ReportData.Importance i : d.importance()) {
                String p = Double.isNaN(i.pValue()) ? null : pValue(i.pValue());
                bars.bar(i.column(), i.mean(), i.lo(), i.hi(), i.column() + ": " + fmt(i.mean()) + " [" + fmt(i.lo()) + ", " + fmt(i.hi())
                        + "]" + (p == null ? "" : ", " + p), p);
            }
            h.append("<div class=\"grid\">");
            figure(h, bars.svg());
            h.append("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>column</th><th>mean</th><th>low</th><th>high</th>"
                    + "<th>p-value</th></tr></thead><tbody>\n");
            for (ReportData.Importance i : d.importance()) {
                h.append("<tr>").append(cut("td", i.column())).append("<td>").append(fmt(i.mean())).append("</td><td>").append(fmt(i.lo()))
                        .append("</td><td>").append(fmt(i.hi())).append("</td><td>")
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
            note(h, "SHAP values of '" + s.output() + "' in " + s.space() + " space, " + s.method() + "; " + s.values().length + " rows"
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
                    + "predictions (ICE, grey).");
            h.append("<div class=\"grid\">");
            for (ReportData.Dependence dep : d.dependence()) {
                XyChart chart = new XyChart(dep.column()).labels(dep.column(), "predicted " + dep.output());
                if (dep.categorical()) {
                    chart.categories(dep.labels());
                }
                for (double[] ice : dep.ice()) {
                    chart.faintLine(points(dep.grid(), ice, null));
                }
                List<XyChart.Point> mean = points(dep.grid(), dep.mean(), dep.labels());
                if (dep.categorical()) {
                    chart.points("mean (partial dependence)", mean);
                } else {
                    chart.line("mean (partial dependence)", mean);
                }
                figure(h, chart.svg(), dep.note());
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** A table cell of {@code text} cut in the middle to at most 32 characters, the whole in its tooltip when cut. */
    private static String cut(String cell, String text) {
        String shown = Svg.shorten(text, 32);
        return "<" + cell + (shown.equals(text) ? "" : " title=\"" + Svg.escape(text) + "\"") + ">" + Svg.escape(shown) + "</" + cell + ">";
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static List<XyChart.Point> points(double[] x, double[] y, List<String> labels) {
        List<XyChart.Point> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new XyChart.Point(x[i], y[i], labels == null ? null : labels.get(i) + ": " + fmt(y[i])));
        }
        return out;
    }

    private static void diagnostics(StringBuilder h, ReportData d) {
        section(h, "diagnostics", "Diagnostics of the chosen model");
        if (d.diagnostics() == null) {
            note(h, "No diagnostics were computed.");
        } else if (d.diagnostics() instanceof ReportData.ClassDiagnostics c) {
            note(h, "From the " + c.source() + ". " + (c.note().isEmpty() ? "Curves of class '" + c.positive() + "' against the rest." : c.note()));
            confusion(h, c);
            h.append("<div class=\"grid\">");
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

    private static void confusion(StringBuilder h, ReportData.ClassDiagnostics c) {
        long max = 1;
        for (long[] row : c.confusion()) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        h.append("<h3>Confusion matrix</h3><div class=\"scroll\"><table class=\"confusion\"><thead><tr><th>true \\ predicted</th>");
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
        h.append("</tbody></table></div>\n");
    }

    private static void errors(StringBuilder h, ReportData d) {
        section(h, "errors", "Error analysis");
        if (d.slices().isEmpty()) {
            note(h, "No error analysis was computed.");
        } else {
            note(h, "Slices of the rows from a shallow tree fitted to each row's " + d.sliceError() + "; worst first.");
            h.append("<table><thead><tr><th>slice</th><th>rows</th><th>mean ").append(Svg.escape(d.sliceError()))
                    .append("</th></tr></thead><tbody>");
            for (ErrorSlices.Slice s : d.slices().stream().sorted(Comparator.comparingDouble(ErrorSlices.Slice::meanError).reversed()).toList()) {
                h.append("<tr><td>").append(Svg.escape(s.description())).append("</td><td>").append(s.rows()).append("</td><td>")
                        .append(fmt(s.meanError())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#0b3d62;color:#fff;padding:12px 24px;position:sticky;top:0;z-index:1}
            header h1{font-size:20px;margin:0 0 6px 0}
            nav a{color:#cfe3f5;margin-right:16px;text-decoration:none;font-size:14px}
            main{max-width:1280px;margin:0 auto;padding:8px 24px 48px}
            section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:16px 0;padding:8px 20px 16px}
            h2{font-size:18px;border-bottom:1px solid #eee;padding-bottom:6px}
            h3{font-size:15px;margin-top:18px}
            .note{color:#555;font-size:13px}
            .facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;font-size:14px}
            .facts dt{color:#555}.facts dd{margin:0}
            .grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;align-items:start}
            @media (max-width:900px){.grid{grid-template-columns:minmax(0,1fr)}}
            figure{margin:0;min-width:0}
            figure svg{display:block;width:100%;height:auto;max-width:760px}
            figcaption{margin-top:4px}
            .scroll{max-height:480px;overflow:auto}
            table{border-collapse:collapse;font-size:13px}
            th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f3f6f9;position:sticky;top:0}
            table.sortable th{cursor:pointer}
            td.config{font-family:monospace;font-size:12px;max-width:520px;word-break:break-all}
            table.confusion td{text-align:right;min-width:48px}
            .guardrails{font-size:13px}
            """;

    /** Sorts a table by the clicked column: numbers as numbers, blanks last; a second click reverses. */
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, col) {
                th.addEventListener('click', function () {
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var asc = th.getAttribute('data-order') !== 'asc';
                  table.querySelectorAll('th').forEach(function (o) { o.removeAttribute('data-order'); });
                  th.setAttribute('data-order', asc ? 'asc' : 'desc');
                  rows.sort(function (a, b) {
                    var x = a.cells[col].textContent, y = b.cells[col].textContent;
                    if (x === '' || y === '') { return x === y ? 0 : (x === '' ? 1 : -1); }
                    var nx = parseFloat(x), ny = parseFloat(y);
                    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                    return asc ? c : -c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;
}
