package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static ReportData data(boolean classification) {
        SplittableRandom r = new SplittableRandom(3);
        List<ReportData.Row> rows = new ArrayList<>();
        List<double[]> anytime = new ArrayList<>();
        double best = 0;
        for (int i = 0; i < 40; i++) {
            double score = 0.7 + 0.2 * r.nextDouble();
            best = Math.max(best, score);
            anytime.add(new double[] {i * 0.5 + 0.1, best});
            String learner = i % 2 == 0 ? "xgboost" : HOSTILE;
            rows.add(new ReportData.Row(i + 1, i, learner, i == 39 ? Double.NaN : score, i < 10 ? score - 0.01 : Double.NaN,
                    0.01 + r.nextDouble(), i == 39 ? "failed" : "completed", "{max_depth=" + i + ", " + HOSTILE + "}",
                    Map.of("max_depth", (double) (1 + i % 7), "learning_rate", Math.pow(10, -3 + 3 * r.nextDouble()))));
        }
        int n = 200;
        double[][] values = new double[n][3];
        double[][] cells = new double[n][3];
        boolean[] y = new boolean[n];
        double[] score = new double[n];
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                cells[i][c] = c == 2 ? Double.NaN : r.nextGaussian();
                values[i][c] = cells[i][c] * (c == 0 ? 0.3 : 0.05);
            }
            values[i][2] = 0.01 * r.nextGaussian();
            y[i] = r.nextDouble() < 0.4;
            score[i] = Math.min(1, Math.max(0, (y[i] ? 0.6 : 0.35) + 0.2 * r.nextGaussian()));
            actual[i] = r.nextGaussian() * 10;
            predicted[i] = actual[i] + r.nextGaussian() * 2;
        }
        ReportData.Diagnostics diagnostics = classification
                ? new ReportData.ClassDiagnostics("out-of-fold predictions of the validation", List.of("no", HOSTILE),
                        new long[][] {{100, 20}, {30, 50}}, HOSTILE, Curves.roc(y, score), Curves.precisionRecall(y, score),
                        Curves.calibration(y, score, 10), Curves.gain(y, score, 50))
                : new ReportData.RegressionDiagnostics("test rows", actual, predicted);
        return new ReportData("AutoML4J run " + HOSTILE, List.of(new ReportData.Fact("task", "binary"), new ReportData.Fact(HOSTILE, HOSTILE)),
                List.of("class-imbalance: passed", HOSTILE), "auc", true, rows, anytime,
                List.of(new ReportData.Importance("tenure", 0.05, 0.03, 0.07, 0.001), new ReportData.Importance(HOSTILE, 0.0, -0.01, 0.01, 0.6)),
                new ReportData.Shap("probability", "sampled", "yes", List.of("tenure", "plan", HOSTILE), values, cells), diagnostics,
                List.of(new ErrorSlices.Slice("plan = monthly and " + HOSTILE, 80, 0.9), new ErrorSlices.Slice("all other rows", 120, 0.2)),
                "log loss",
                List.of(new ReportData.Dependence("tenure", "yes", List.of("1", "2", "3"), new double[] {1, 2, 3}, new double[] {0.2, 0.3, 0.5},
                        new double[][] {{0.1, 0.2, 0.6}, {0.3, 0.35, 0.4}}),
                        new ReportData.Dependence("plan", "probability of 'yes'", List.of("monthly", LONG_LEVEL, HOSTILE), new double[] {0, 1, 2},
                                new double[] {0.6, 0.3, 0.2}, new double[][] {{0.7, 0.2, 0.1}}, true, "levels left out: " + HOSTILE)));
    }

    private static final String LONG_LEVEL = "two-year contract with a loyalty discount and a free router";

    @Test
    void aReportHasEverySectionEscapesTheDataAndItsChartsAreWellFormed() throws Exception {
        for (boolean classification : new boolean[] {true, false}) {
            String html = HtmlReport.render(data(classification));
            assertThat(html).startsWith("<!DOCTYPE html>").contains("id=\"summary\"").contains("id=\"leaderboard\"").contains("id=\"search\"")
                    .contains("id=\"importance\"").contains("id=\"diagnostics\"").contains("id=\"errors\"");
            assertThat(html).doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;");
            // nothing to fetch: no links, external scripts, images or style URLs
            assertThat(html).doesNotContain("<link").doesNotContain("<script src").doesNotContain("<img").doesNotContain("url(");
            Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
            int charts = 0;
            while (m.find()) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
                charts++;
            }
            assertThat(charts).isGreaterThanOrEqualTo(classification ? 10 : 9);
            assertThat(html).contains(classification ? "Confusion matrix" : "Residuals");
            assertThat(html.length()).isLessThan(2_000_000);
        }
    }

    @Test
    void importanceShowsPValuesAndCategoricalDependenceLabelsItsAxis() {
        String html = HtmlReport.render(data(true));
        assertThat(html).contains(">p = 0.001<").contains(">p = 0.600<").contains("<td>0.0010</td>");
        assertThat(html).contains("Permutation importance").contains("SHAP values").contains("Partial dependence and ICE");
        // the categories are tick labels; the long one is cut and whole on hover
        assertThat(html).contains(">monthly</text>").contains(">two-year… router<title>" + LONG_LEVEL + "</title></text>");
        assertThat(html).contains("levels left out: &lt;img");
    }

    @Test
    void notesOfTheDiagnosticsAreShown() {
        ReportData d = data(true);
        ReportData withNote = new ReportData(d.title(), d.summary(), d.guardrails(), d.metric(), d.higherIsBetter(), d.leaderboard(), d.anytime(),
                d.importance(), d.shap(), new ReportData.RegressionDiagnostics("test rows", new double[] {1, 2}, new double[] {1.5, 2.5},
                        "Charts of 2 of the 9 rows, drawn at random."), d.slices(), d.sliceError(), d.dependence());
        assertThat(HtmlReport.render(withNote)).contains("From the test rows. Charts of 2 of the 9 rows, drawn at random.");
        assertThat(HtmlReport.render(data(true))).contains("From the out-of-fold predictions of the validation. Curves of class &#39;&lt;img");
    }

    @Test
    void chartsSitTwoPerRowAndShrinkWithTheWindow() {
        String html = HtmlReport.render(data(false));
        assertThat(html).contains(".grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))")
                .contains("@media (max-width:900px)").contains("figure svg{display:block;width:100%;height:auto");
        // every chart keeps its drawing size in its viewBox, so it scales without cutting
        Matcher m = Pattern.compile("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\" viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(html);
        int charts = 0;
        while (m.find()) {
            assertThat(m.group(1)).isEqualTo(m.group(3));
            assertThat(m.group(2)).isEqualTo(m.group(4));
            charts++;
        }
        assertThat(charts).isGreaterThan(8);
    }

    @Test
    void aReportWithNothingComputedSaysSoInEachSection() {
        String html = HtmlReport.render(new ReportData("empty", List.of(), List.of(), "rmse", false, List.of(), List.of(), List.of(), null, null,
                List.of(), "squared error", List.of()));
        assertThat(html).contains("No guardrail was run.").contains("Permutation importance was not computed.")
                .contains("SHAP values were not computed.").contains("Partial dependence was not computed.")
                .contains("No diagnostics were computed.").contains("No error analysis was computed.").contains("no data");
    }

    @Test
    void aConfigBreaksOnlyBetweenItsParameters() {
        StringBuilder h = new StringBuilder();
        HtmlReport.config(h, "{max_depth=3, eta=0.0123456789, featurize.categorical=one-hot}");
        assertThat(h).hasToString("<span>{max_depth=3,</span> <span>eta=0.0123456789,</span> <span>featurize.categorical=one-hot}</span>");
        StringBuilder failure = new StringBuilder();
        HtmlReport.config(failure, "XGBoostError: out of memory, trial 3 <x>");
        assertThat(failure).hasToString("XGBoostError: out of memory, trial 3 &lt;x&gt;");   // words wrap at their spaces
        String html = HtmlReport.render(data(true));
        assertThat(html).doesNotContain("break-all").contains("td.config span{white-space:nowrap}")
                .contains("<td class=\"config\"><span>{max_depth=0,</span> &lt;img src=x onerror=alert(1)&gt;}</td>");
    }

    @Test
    void headingsStopBelowTheStickyHeaderAndTableHeadingsStayInView() {
        String html = HtmlReport.render(data(true));
        assertThat(html).contains("section,h2,h3{scroll-margin-top:calc(var(--header) + 8px)}")
                .contains("style.setProperty('--header', header.offsetHeight + 'px')")
                .contains(".scroll thead th{position:sticky;top:0;z-index:2}").contains(".scroll tbody th{position:sticky;left:0;z-index:1}")
                .contains(".scroll thead th:first-child{left:0;z-index:3}");
        // the confusion matrix is the first figure of the diagnostics grid, beside the ROC chart; lift follows gain
        assertThat(html).contains("<div class=\"grid\"><figure class=\"matrix\"><div class=\"caption\">Confusion matrix</div>")
                .contains("aria-label=\"Lift\"");
    }

    @Test
    void theShapNoteNamesItsSpaceOnceAndCategoriesAreStrokes() {
        ReportData d = data(true);
        ReportData.Shap s = d.shap();
        ReportData sampled = new ReportData(d.title(), d.summary(), d.guardrails(), d.metric(), d.higherIsBetter(), d.leaderboard(), d.anytime(),
                d.importance(), new ReportData.Shap(s.space(), "sampled (16 column orders per row over 100 background rows), probability space",
                        s.output(), s.columns(), s.values(), s.cells()), d.diagnostics(), d.slices(), d.sliceError(), d.dependence());
        String html = HtmlReport.render(sampled);
        assertThat(html).contains("SHAP values of &#39;yes&#39; in probability space, sampled (16 column orders per row over 100 background rows); 200 rows.");
        // the categorical dependence has no line joining its levels: strokes for the mean and the rows
        String plan = html.substring(html.indexOf("aria-label=\"plan\""), html.indexOf("</svg>", html.indexOf("aria-label=\"plan\"")));
        assertThat(plan).doesNotContain("<polyline").contains("<path fill=\"none\" stroke=\"#bbbbbb\"");
    }

    @Test
    void numbersOfATableColumnShareOneFormat() {
        ReportData d = data(true);
        ReportData small = new ReportData(d.title(), d.summary(), d.guardrails(), d.metric(), d.higherIsBetter(), d.leaderboard(), d.anytime(),
                List.of(new ReportData.Importance("a", 0.00676, 0.002, 0.011, 0.01), new ReportData.Importance("b", 9.101e-4, -0.001, 0.0028, 0.3)),
                d.shap(), d.diagnostics(), d.slices(), d.sliceError(), d.dependence());
        String html = HtmlReport.render(small);
        assertThat(html).contains("<td>0.006760</td>").contains("<td>0.000910</td>").doesNotContain("9.101e-04");
    }
}
