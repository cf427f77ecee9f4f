package automl4j.cli;

import automl4j.forecast.ForecastRun;
import automl4j.forecast.interval.PredictionInterval;
import automl4j.forecast.search.CandidateScore;
import automl4j.forecast.search.ForecastOutcome;
import automl4j.forecast.search.SeriesForecast;
import automl4j.forecast.series.SeriesHistory;
import automl4j.forecast.series.SeriesInfo;
import automl4j.forecast.series.TimeAxis;
import automl4j.report.svg.Svg;
import automl4j.report.svg.XyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forecasting run's {@code report.html}: one self-contained page (inline styles and SVG charts with tooltips) with
 * the summary, the data report, the leaderboard of the backtests, the intervals' expected coverage and a chart of the
 * recent history, the forecast and its intervals for the first {@value #CHARTS} series.
 */
final class ForecastHtmlReport {
    /** Series charted; {@code forecast.csv} has them all. */
    static final int CHARTS = 12;

    private ForecastHtmlReport() {
    }

    static String html(ForecastConfig c, ForecastRun run) {
        ForecastOutcome o = run.outcome();
        String title = "Forecast of " + c.target();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Svg.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(Svg.escape(title)).append("</h1></header>\n<main>\n");
        section(h, "summary", "Summary");
        paragraph(h, String.format(Locale.ROOT, "%d series from %s, frequency %s, seasonal period %d, %d periods ahead. "
                        + "Ensemble (minimising backtest %s): %s. Backtest MASE %.4f, sMAPE %.2f (optimistic: the weights were "
                        + "chosen on the same windows). Search: %.1f s.", o.forecasts().size(), c.train().getFileName(),
                run.series().axis().frequency().label(), run.model().seasonalPeriod(),
                c.horizon(), o.metric().label(), ForecastExecution.weights(o.weights()), o.ensembleMase(), o.ensembleSmape(),
                o.seconds()));
        if (!o.backtestCoverage().isEmpty()) {
            paragraph(h, "Interval coverage to expect (each fold of series checked against intervals calibrated on the "
                    + "others): " + ForecastExecution.coverage(o) + ".");
        }
        h.append("</section>\n");
        section(h, "data", "Data");
        if (run.report().isEmpty()) {
            paragraph(h, "No problem found.");
        } else {
            h.append("<ul>");
            run.report().forEach(line -> h.append("<li>").append(Svg.escape(line)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");
        leaderboard(h, o);
        charts(h, run);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void leaderboard(StringBuilder h, ForecastOutcome o) {
        section(h, "leaderboard", "Leaderboard (rolling-origin backtests, ranked by " + o.metric().label() + ")");
        h.append("<table><thead><tr><th>rank</th><th>model</th><th>MASE</th><th>sMAPE</th><th>MAE</th><th>RMSE</th>"
                + "<th>windows</th><th>fallbacks</th><th>seconds</th><th>weight</th><th>status</th></tr></thead><tbody>\n");
        int rank = 1;
        for (CandidateScore s : o.leaderboard()) {
            h.append("<tr").append(s.weight() > 0 ? " class=\"chosen\"" : "").append("><td>").append(rank++).append("</td><td>")
                    .append(Svg.escape(s.id())).append("</td>");
            for (double v : new double[]{s.mase(), s.smape(), s.mae(), s.rmse()}) {
                h.append("<td>").append(number(v)).append("</td>");
            }
            h.append("<td>").append(s.windows()).append("</td><td>").append(s.fallbacks()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.seconds())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", s.weight())).append("</td><td")
                    .append(s.firstFailure() == null ? "" : " title=\"" + Svg.escape(s.firstFailure()) + "\"").append(">")
                    .append(Svg.escape(s.status())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void charts(StringBuilder h, ForecastRun run) {
        List<SeriesHistory> histories = run.series().histories();
        section(h, "forecasts", "Forecasts");
        if (histories.size() > CHARTS) {
            paragraph(h, "The first " + CHARTS + " of " + histories.size() + " series; forecast.csv has every one.");
        }
        TimeAxis axis = run.series().axis();
        int horizon = run.model().horizon();
        h.append("<div class=\"grid\">\n");
        for (int s = 0; s < Math.min(CHARTS, histories.size()); s++) {
            SeriesInfo info = run.series().infos().get(s);
            SeriesForecast f = run.outcome().forecasts().get(s);
            double[] y = histories.get(s).values();
            // the last few seasons or horizons: enough to see the pattern the forecast continues
            int shown = Math.min(y.length, Math.max(4 * horizon, 48));
            long first = info.lastPeriod() - shown + 1;
            List<XyChart.Point> past = new ArrayList<>();
            for (int t = y.length - shown; t < y.length; t++) {
                long p = info.firstPeriod() + t;
                past.add(new XyChart.Point(p - first, y[t], axis.label(p) + ": " + number(y[t])));
            }
            List<XyChart.Point> ahead = new ArrayList<>();
            ahead.add(past.get(past.size() - 1));
            for (int j = 0; j < f.point().length; j++) {
                long p = info.lastPeriod() + 1 + j;
                ahead.add(new XyChart.Point(p - first, f.point()[j], axis.label(p) + ": forecast " + number(f.point()[j])));
            }
            XyChart chart = new XyChart(info.id()).labels("periods from " + axis.label(first), "").size(540, 250)
                    .line("history", past).line("forecast", ahead);
            for (PredictionInterval band : f.intervals()) {
                chart.faintLine(bound(band.lower(), info, first, axis, band.level(), "lower"));
                chart.faintLine(bound(band.upper(), info, first, axis, band.level(), "upper"));
            }
            h.append("<figure>").append(chart.svg()).append("<figcaption>").append(Svg.escape(members(f.members())))
                    .append(f.status().equals("ok") ? "" : "; " + Svg.escape(f.status())).append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
        paragraph(h, "Faint lines: the prediction intervals (" + levels(run) + ").");
        h.append("</section>\n");
    }

    private static List<XyChart.Point> bound(double[] values, SeriesInfo info, long first, TimeAxis axis, double level,
                                             String side) {
        List<XyChart.Point> out = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            long p = info.lastPeriod() + 1 + j;
            out.add(new XyChart.Point(p - first, values[j], String.format(Locale.ROOT, "%s: %s %.0f %% %s", axis.label(p), side,
                    100 * level, number(values[j]))));
        }
        return out;
    }

    private static String levels(ForecastRun run) {
        List<String> out = new ArrayList<>();
        for (double l : run.model().levels()) {
            out.add(String.format(Locale.ROOT, "%.0f %%", 100 * l));
        }
        return String.join(", ", out);
    }

    private static String members(Map<String, Double> members) {
        return "ensemble: " + ForecastExecution.weights(members);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, Math.abs(v) >= 1e6 ? "%.4g" : "%.4f", v);
    }

    private static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(Svg.escape(title)).append("</h2>\n");
    }

    private static void paragraph(StringBuilder h, String text) {
        h.append("<p>").append(Svg.escape(text)).append("</p>\n");
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#0b3d62;color:#fff;padding:12px 24px}
            header h1{font-size:20px;margin:0}
            main{max-width:1320px;margin:0 auto;padding:8px 24px 48px}
            section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:16px 0;padding:8px 20px 16px}
            h2{font-size:18px;border-bottom:1px solid #eee;padding-bottom:6px}
            table{border-collapse:collapse;font-size:13px}
            th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:right}
            th:nth-child(2),td:nth-child(2),td:last-child{text-align:left}
            tr.chosen td{background:#eef6ee}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(550px,1fr));gap:8px}
            figure{margin:0}
            figcaption{font-size:12px;color:#555}
            """;
}
