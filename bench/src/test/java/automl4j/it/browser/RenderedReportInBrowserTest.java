package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.report.Curves;
import automl4j.report.ErrorSlices;
import automl4j.report.HtmlReport;
import automl4j.report.ReportData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer alone in a real headless Chromium: {@link HtmlReport#render} of report data made here, shaped like a
 * binary, a multiclass and a regression run of the churn table, passes {@link ReportPageChecks}. Skipped when no
 * Chromium is installed ({@code .ci/run} installs Debian's package).
 *
 * <p>Run alone: {@code mvn -o -B -q test -pl bench -Dtest=RenderedReportInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false};
 * the screenshots are {@code bench/target/report-screenshots/rendered-*.png}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RenderedReportInBrowserTest {
    private static final List<String> COLUMNS = List.of("tenure_months", "monthly_fee", "support_calls", "plan", "region", "noise");

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    /** One browser for the class, started by the first test; each test skips itself (with why) when there is none. */
    @BeforeEach
    void startChromium() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "browser test of the report skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        if (chromium == null) {
            chromium = HeadlessChromium.start(binary.get());
        }
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void binaryReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        check("rendered-binary", data(Kind.BINARY));
    }

    @Test
    void multiclassReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        check("rendered-multiclass", data(Kind.MULTICLASS));
    }

    @Test
    void regressionReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        check("rendered-regression", data(Kind.REGRESSION));
    }

    private void check(String name, ReportData data) throws Exception {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, HtmlReport.render(data));
        List<String> layout = ReportPageChecks.check(chromium, page, name);
        assertThat(layout).as("layout of %s", name).isEmpty();
    }

    enum Kind { BINARY, MULTICLASS, REGRESSION }

    /** Report data of a made-up run: 30 trials of three learners and an ensemble, and diagnostics of 400 rows. */
    static ReportData data(Kind kind) {
        SplittableRandom r = new SplittableRandom(11);
        boolean regression = kind == Kind.REGRESSION;
        String metric = switch (kind) {
            case BINARY -> "auc";
            case MULTICLASS -> "logloss";
            case REGRESSION -> "rmse";
        };
        boolean higher = kind == Kind.BINARY;
        List<ReportData.Row> rows = new ArrayList<>();
        List<double[]> anytime = new ArrayList<>();
        double best = higher ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        double elapsed = 0;
        String[] learners = {"xgboost", "smile-random-forest", "smile-logistic"};
        for (int t = 0; t < 30; t++) {
            String learner = regression && t % 3 == 2 ? "tribuo-linear" : learners[t % 3];
            double quality = r.nextDouble();
            double score = switch (kind) {
                case BINARY -> 0.70 + 0.2 * quality;
                case MULTICLASS -> 0.45 + 0.5 * (1 - quality);
                case REGRESSION -> 8 + 6 * (1 - quality);
            };
            double fit = Math.pow(10, -1.5 + 2 * r.nextDouble());
            String status = t == 7 ? "failed" : t == 19 ? "timed out" : "completed";
            Map<String, Double> params = switch (t % 3) {
                case 0 -> Map.of("max_depth", (double) (2 + r.nextInt(9)), "eta", Math.pow(10, -2.5 + 2 * r.nextDouble()),
                        "n_estimators", (double) (50 + 50 * r.nextInt(10)));
                case 1 -> Map.of("ntrees", (double) (100 + 100 * r.nextInt(5)), "max_depth", (double) (4 + r.nextInt(16)),
                        "mtry", (double) (1 + r.nextInt(6)));
                default -> Map.of("lambda", Math.pow(10, -4 + 4 * r.nextDouble()));
            };
            boolean done = status.equals("completed");
            elapsed += fit / 2;
            if (done && (higher ? score > best : score < best)) {
                best = score;
                anytime.add(new double[] {elapsed, best});
            }
            rows.add(new ReportData.Row(0, t, learner, done ? score : Double.NaN, Double.NaN, fit, status, params.toString(), done ? params : Map.of()));
        }
        rows.add(new ReportData.Row(0, 30, "ensemble", higher ? best + 0.01 : best * 0.97, Double.NaN, 0.4, "completed",
                "{members=5, rounds=50}", Map.of()));
        rows.sort((a, b) -> Double.isNaN(a.score()) ? 1 : Double.isNaN(b.score()) ? -1
                : higher ? Double.compare(b.score(), a.score()) : Double.compare(a.score(), b.score()));
        List<ReportData.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ReportData.Row x = rows.get(i);
            double test = i < 10 && !Double.isNaN(x.score()) ? x.score() * (1 + 0.02 * r.nextGaussian()) : Double.NaN;
            ranked.add(new ReportData.Row(i + 1, x.trial(), x.learner(), x.score(), test, x.fitSeconds(), x.status(), x.config(), x.params()));
        }

        int n = 400;
        double[][] shap = new double[n][COLUMNS.size()];
        double[][] cells = new double[n][COLUMNS.size()];
        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                cells[i][c] = c == 3 ? r.nextInt(3) : c == 4 ? Double.NaN : r.nextGaussian();
                double weight = new double[] {0.25, 0.12, 0.08, 0.05, 0.02, 0.005}[c];
                shap[i][c] = weight * (Double.isNaN(cells[i][c]) ? r.nextGaussian() : cells[i][c] - (c == 3 ? 1 : 0));
                signal[i] += shap[i][c];
            }
        }
        List<ReportData.Importance> importance = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            double mean = new double[] {0.11, 0.05, 0.03, 0.012, 0.002, -0.001}[c];
            importance.add(new ReportData.Importance(COLUMNS.get(c), mean, mean - 0.006, mean + 0.006, mean > 0.005 ? 0.001 : 0.4));
        }
        String output = switch (kind) {
            case BINARY -> "yes";
            case MULTICLASS -> "premium";
            case REGRESSION -> "value";
        };
        ReportData.Shap values = new ReportData.Shap(regression ? "value" : "probability", "exact TreeSHAP", output, COLUMNS, shap, cells);

        ReportData.Diagnostics diagnostics;
        if (regression) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = 50 + 40 * signal[i] + 5 * r.nextGaussian();
                predicted[i] = 50 + 40 * signal[i] + 2 * r.nextGaussian();
            }
            diagnostics = new ReportData.RegressionDiagnostics("out-of-fold predictions of the validation", actual, predicted);
        } else {
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = 1 / (1 + Math.exp(-4 * signal[i] + 0.3 * r.nextGaussian()));
                positive[i] = r.nextDouble() < score[i];
            }
            List<String> classes = kind == Kind.BINARY ? List.of("no", "yes") : List.of("basic", "plus", "premium");
            long[][] confusion = kind == Kind.BINARY ? new long[][] {{190, 31}, {42, 137}}
                    : new long[][] {{120, 18, 6}, {25, 88, 19}, {4, 22, 98}};
            diagnostics = new ReportData.ClassDiagnostics("out-of-fold predictions of the validation", classes, confusion, output,
                    Curves.roc(positive, score), Curves.precisionRecall(positive, score), Curves.calibration(positive, score, 10),
                    Curves.gain(positive, score, 50));
        }

        List<ReportData.Dependence> dependence = new ArrayList<>();
        double[] grid = new double[12];
        List<String> labels = new ArrayList<>();
        double[] mean = new double[grid.length];
        double[][] ice = new double[20][grid.length];
        double scale = regression ? 40 : 1;
        for (int g = 0; g < grid.length; g++) {
            grid[g] = 6 * g;
            labels.add(Integer.toString(6 * g));
            for (int k = 0; k < ice.length; k++) {
                ice[k][g] = scale * (0.3 + 0.02 * k - 0.25 / (1 + Math.exp(-(grid[g] - 30) / 8)));
                mean[g] += ice[k][g] / ice.length;
            }
        }
        dependence.add(new ReportData.Dependence("tenure_months", output, labels, grid, mean, ice));
        double[][] planIce = new double[20][3];
        double[] planMean = new double[3];
        for (int k = 0; k < planIce.length; k++) {
            for (int g = 0; g < 3; g++) {
                planIce[k][g] = scale * (0.2 + 0.01 * k + 0.1 * g);
                planMean[g] += planIce[k][g] / planIce.length;
            }
        }
        dependence.add(new ReportData.Dependence("plan", output, List.of("monthly", "annual", "two-year"), new double[] {0, 1, 2}, planMean, planIce));

        List<ErrorSlices.Slice> slices = List.of(new ErrorSlices.Slice("plan = monthly and tenure_months <= 6", 48, regression ? 14.2 : 0.71),
                new ErrorSlices.Slice("plan = monthly and tenure_months > 6", 131, regression ? 9.1 : 0.48),
                new ErrorSlices.Slice("plan != monthly", 221, regression ? 5.3 : 0.22));
        List<ReportData.Fact> summary = List.of(new ReportData.Fact("data", "2,000 rows, 6 columns"),
                new ReportData.Fact("task", kind.name().toLowerCase(java.util.Locale.ROOT)), new ReportData.Fact("metric", metric),
                new ReportData.Fact("budget", "60 s, 30 trials; used 21.4 s"), new ReportData.Fact("trials", "28 completed, 1 failed, 1 timed out"),
                new ReportData.Fact("best model", "ensemble of 5 trials"));
        return new ReportData("AutoML4J run: churn (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")", summary,
                List.of("class-imbalance: passed", "target-leakage: passed", "high-cardinality: column 'region' has 48 levels"), metric, higher,
                ranked, anytime, importance, values, diagnostics, slices, regression ? "absolute error" : "log loss", dependence);
    }
}
