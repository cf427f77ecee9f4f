package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.cli.Main;
import automl4j.datasets.DefaultDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The {@code report.html} that {@code automl run} writes, in a real headless Chromium, for a binary, a multiclass and a
 * regression run of the embedded churn table (400 rows; targets {@code churned}, {@code plan} and {@code monthly_fee};
 * at most 8 trials in 20 s on 2 cores): it passes {@link ReportPageChecks}, has every chart of its task, and no fault
 * of {@link LayoutProblems#ofReading}. Skipped
 * when no Chromium is installed ({@code .ci/run} installs Debian's package).
 *
 * <p>Run alone, keeping the screenshots where the measurements go:
 * <pre>
 * mvn -o -B -q test -pl bench -am -Dtest=ReportInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dautoml.report.screenshots=$PWD/bench/results/report
 * </pre>
 * which writes {@code bench/results/report/run-binary.png}, {@code run-multiclass.png} and {@code run-regression.png}
 * (and always {@code bench/target/report-screenshots/}). {@code -Dautoml.chromium=/path/to/chrome} (or the environment
 * variable {@code CHROME_BIN}) picks another browser.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReportInBrowserTest {
    /** The charts between the heading "Partial dependence ..." and the next heading. */
    private static final String DEPENDENCE_CHARTS = """
            (function () {
              var h = Array.from(document.querySelectorAll('h3')).find(function (e) { return e.textContent.indexOf('Partial dependence') === 0; });
              var n = 0;
              for (var e = h ? h.nextElementSibling : null; e && e.tagName !== 'H3' && e.tagName !== 'H2'; e = e.nextElementSibling) {
                n += e.querySelectorAll('figure svg').length;
              }
              return n;
            })()
            """;

    private static final SharedChromium BROWSER = new SharedChromium();
    private HeadlessChromium chromium;

    @TempDir
    Path dir;

    /** One browser for the class, started by the first test; each test skips itself (with why) when there is none. */
    @BeforeEach
    void startChromium() throws Exception {
        chromium = BROWSER.get("browser test of report.html");
    }

    @AfterAll
    static void closeChromium() {
        BROWSER.close();
    }

    @Test
    void binaryRunReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        Path report = run("binary", DefaultDataset.generate(400, 1), DefaultDataset.TARGET);
        check("run-binary", report, List.of("ROC", "Precision-recall", "Calibration", "Cumulative gain"));
    }

    @Test
    void multiclassRunReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        Path report = run("multiclass", DefaultDataset.generate(400, 2), "plan");
        check("run-multiclass", report, List.of("ROC", "Precision-recall", "Calibration", "Cumulative gain"));
    }

    @Test
    void regressionRunReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        Path report = run("regression", DefaultDataset.generate(400, 3), "monthly_fee");
        check("run-regression", report, List.of("Predicted against actual", "Residuals against predicted", "Residuals"));
    }

    /** Runs {@code automl run} on {@code table} and returns its report, which must exist. */
    private Path run(String task, Table table, String target) throws Exception {
        Path train = dir.resolve(task + ".csv");
        Files.writeString(train, table.write().toString("csv"));
        Path config = dir.resolve(task + ".yaml");
        Files.writeString(config, "data:\n  train: " + train.getFileName() + "\n  target: " + target + "\n  task: " + task + "\n"
                + "budget:\n  seconds: 20\n  max_trials: 8\nsearch:\n  seed: 5\ncores: 2\noutput: " + task + "-out\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--config", config.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("exit code of the %s run; its errors:%n%s", task, err.toString(StandardCharsets.UTF_8)).isZero();
        Path report = dir.resolve(task + "-out").resolve("report.html");
        assertThat(report).as("the %s run's report", task).isRegularFile();
        return report;
    }

    /** The common checks, and the charts every run's report has: the search, importance, SHAP and the task's own. */
    private void check(String name, Path report, List<String> taskCharts) throws Exception {
        List<String> layout = new ArrayList<>(ReportPageChecks.check(chromium, report, name));
        layout.addAll(LayoutProblems.ofReading(chromium));
        List<String> titles = new ArrayList<>();
        chromium.evaluate("Array.from(document.querySelectorAll('figure svg')).map(function (s) { return s.getAttribute('aria-label'); })")
                .forEach(t -> titles.add(t.asText()));
        List<String> expected = new ArrayList<>(List.of("Permutation importance (held-out rows)", "Mean |SHAP value| per column",
                "SHAP values per row"));
        expected.addAll(taskCharts);
        assertThat(titles).as("charts of %s", name).containsAll(expected)
                .anyMatch(t -> t.startsWith("Validation ") && t.endsWith(" against fit time"))
                .anyMatch(t -> t.startsWith("Best ") && t.endsWith(" so far"));
        assertThat(chromium.evaluate(DEPENDENCE_CHARTS).asInt()).as("partial dependence charts of %s", name).isPositive();
        assertThat(chromium.evaluate("document.querySelectorAll('#errors tbody tr').length").asInt()).as("error slices of %s", name).isPositive();
        if (!taskCharts.contains("Residuals")) {
            assertThat(chromium.evaluate("document.querySelectorAll('table.confusion tbody tr').length").asInt())
                    .as("confusion matrix rows of %s", name).isGreaterThanOrEqualTo(2);
        }
        assertThat(layout).as("layout of %s", name).isEmpty();
    }
}
