package automl4j.report;

import static automl4j.report.Html.figure;
import static automl4j.report.Html.fmt;
import static automl4j.report.Html.note;
import static automl4j.report.Html.section;

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
 * lines of script that sort its tables are all in the file, so it works offline and can be mailed. Every string
 * from the data is escaped.
 */
public final class HtmlReport {
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
        ImportanceSection.render(h, d);
        DiagnosticsSection.render(h, d);
        errors(h, d);
        h.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
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
        // validation and test scores are of one metric, compared side by side: one format for both columns
        ColumnFormat scores = ColumnFormat.of(d.leaderboard().stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.score(),
                r.testScore())).toArray());
        ColumnFormat tests = scores;
        for (ReportData.Row r : d.leaderboard()) {
            h.append("<tr><td>").append(r.rank()).append("</td><td>").append(r.trial()).append("</td><td>").append(Svg.escape(r.learner()))
                    .append("</td><td>").append(scores.format(r.score())).append("</td>");
            if (test) {
                h.append("<td>").append(tests.format(r.testScore())).append("</td>");
            }
            h.append("<td>").append(String.format(Locale.ROOT, "%.2f", r.fitSeconds())).append("</td><td>").append(Svg.escape(r.status()))
                    .append("</td><td class=\"config\">");
            config(h, r.config());
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }

    /**
     * A config's text with a line break allowed only between its parameters: each {@code key=value} (one word of at
     * most {@value #UNBROKEN} characters) is kept on one line, so that no number is split; other parts (a failure's
     * message) wrap at their spaces. The text reads as it was.
     */
    static void config(StringBuilder h, String text) {
        String[] parts = text.split(", ", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i] + (i < parts.length - 1 ? "," : "");
            boolean word = part.length() <= UNBROKEN && part.chars().noneMatch(Character::isWhitespace);
            if (i > 0) {
                h.append(' ');
            }
            if (word) {
                h.append("<span>").append(Svg.escape(part)).append("</span>");
            } else {
                h.append(Svg.escape(part));
            }
        }
    }

    /** Longest parameter kept on one line of a config cell. */
    private static final int UNBROKEN = 60;

    /** The best trials' correlation matrix as a shaded table (as the confusion matrix), or nothing when absent. */
    private static void correlation(StringBuilder h, ReportData.Correlation c) {
        if (c == null || c.labels().size() < 2) {
            return;
        }
        h.append("<h3>Correlation of the best trials' validation predictions</h3>\n");
        note(h, "Pearson's correlation of " + c.note() + " over the same validation rows, shaded from the lowest (light) to "
                + "the highest (dark) between two trials: trials that agree closely add little to an ensemble together.");
        // Shaded from the lowest correlation (lightest) to the highest (darkest): trials of one AutoML run mostly agree,
        // and a fixed 0-1 scale would paint them all alike.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.r().length; i++) {
            for (int j = 0; j < c.r()[i].length; j++) {
                if (i != j && !Double.isNaN(c.r()[i][j])) {
                    lo = Math.min(lo, c.r()[i][j]);
                    hi = Math.max(hi, c.r()[i][j]);
                }
            }
        }
        double span = hi > lo ? hi - lo : 1;
        h.append("<div class=\"scroll\"><table class=\"confusion\"><thead><tr><th>trial</th>");
        for (String k : c.labels()) {
            h.append(Html.cut("th", k));
        }
        h.append("</tr></thead><tbody>");
        for (int i = 0; i < c.r().length; i++) {
            h.append("<tr>").append(Html.cut("th", c.labels().get(i)));
            for (int j = 0; j < c.r()[i].length; j++) {
                double v = c.r()[i][j];
                double share = Double.isNaN(v) || i == j ? 0 : Math.max(0, Math.min(1, (v - lo) / span));
                h.append("<td style=\"background:").append(automl4j.report.svg.Palette.shade(share)).append(";color:")
                        .append(share > 0.55 ? "#fff" : "#000").append("\">")
                        .append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>\n");
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
        h.append("</div>\n");
        correlation(h, d.correlation());
        h.append("<h3>Score against hyperparameters, per learner</h3>\n<div class=\"grid\">");
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


    private static void errors(StringBuilder h, ReportData d) {
        section(h, "errors", "Error analysis");
        if (d.slices().isEmpty()) {
            note(h, "No error analysis was computed.");
        } else {
            note(h, "Slices of the rows from a shallow tree fitted to each row's " + d.sliceError() + "; worst first.");
            h.append("<table><thead><tr><th>slice</th><th>rows</th><th>mean ").append(Svg.escape(d.sliceError()))
                    .append("</th></tr></thead><tbody>");
            ColumnFormat errors = ColumnFormat.of(d.slices().stream().mapToDouble(ErrorSlices.Slice::meanError).toArray());
            for (ErrorSlices.Slice s : d.slices().stream().sorted(Comparator.comparingDouble(ErrorSlices.Slice::meanError).reversed()).toList()) {
                h.append("<tr><td>").append(Svg.escape(s.description())).append("</td><td>").append(s.rows()).append("</td><td>")
                        .append(errors.format(s.meanError())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    /**
     * The page's styles. The header stays at the top, so a section reached by a link stops below it
     * ({@code scroll-margin-top}, from the header's height that the script measures). In a scrolling table the column
     * headings stay at the top and the row headings (a confusion matrix's true classes) at the left, each over an opaque
     * background and stacked so that the corner covers both.
     */
    private static final String STYLE = """
            :root{--header:84px}
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#0b3d62;color:#fff;padding:12px 24px;position:sticky;top:0;z-index:10}
            header h1{font-size:20px;margin:0 0 6px 0}
            nav a{color:#cfe3f5;margin-right:16px;text-decoration:none;font-size:14px}
            main{max-width:1280px;margin:0 auto;padding:8px 24px 48px}
            section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:16px 0;padding:8px 20px 16px}
            section,h2,h3{scroll-margin-top:calc(var(--header) + 8px)}
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
            .caption{font-size:15px;font-weight:bold;margin:2px 0 8px}
            .scroll{max-height:480px;overflow:auto}
            table{border-collapse:separate;border-spacing:0;font-size:13px}
            th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f3f6f9}
            .scroll thead th{position:sticky;top:0;z-index:2}
            .scroll tbody th{position:sticky;left:0;z-index:1}
            .scroll thead th:first-child{left:0;z-index:3}
            table.sortable th{cursor:pointer}
            td.config{font-family:monospace;font-size:12px;max-width:520px;overflow-wrap:anywhere}
            td.config span{white-space:nowrap}
            table.confusion td{text-align:right;min-width:48px}
            .guardrails{font-size:13px}
            """;

    /**
     * Keeps the header's height in {@code --header}; sorts a table by the clicked column: numbers as numbers, blanks
     * last; a second click reverses.
     */
    private static final String SCRIPT = """
            (function () {
              var header = document.querySelector('header');
              function measure() { document.documentElement.style.setProperty('--header', header.offsetHeight + 'px'); }
              measure();
              window.addEventListener('resize', measure);
            })();
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
