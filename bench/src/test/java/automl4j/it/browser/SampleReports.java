package automl4j.it.browser;

import automl4j.report.Curves;
import automl4j.report.ErrorSlices;
import automl4j.report.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Report data of made-up runs for the browser tests of the renderer alone: a typical run of the churn table, and a
 * crowded one that strains the layout (long column, class and learner names, large and tiny numbers, many columns,
 * classes, learners and trials, a skewed regression target).
 */
final class SampleReports {
    /** The task a sample run is shaped like. */
    enum Kind { BINARY, MULTICLASS, REGRESSION }

    private static final List<String> CHURN_COLUMNS = List.of("tenure_months", "monthly_fee", "support_calls", "plan", "region", "noise");

    private SampleReports() {
    }

    /** A typical run of the churn table: 30 trials of three learners and an ensemble, six columns, 400 rows. */
    static ReportData typical(Kind kind) {
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
        double[][] shap = new double[n][CHURN_COLUMNS.size()];
        double[][] cells = new double[n][CHURN_COLUMNS.size()];
        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < CHURN_COLUMNS.size(); c++) {
                cells[i][c] = c == 3 ? r.nextInt(3) : c == 4 ? Double.NaN : r.nextGaussian();
                double weight = new double[] {0.25, 0.12, 0.08, 0.05, 0.02, 0.005}[c];
                shap[i][c] = weight * (Double.isNaN(cells[i][c]) ? r.nextGaussian() : cells[i][c] - (c == 3 ? 1 : 0));
                signal[i] += shap[i][c];
            }
        }
        List<ReportData.Importance> importance = new ArrayList<>();
        for (int c = 0; c < CHURN_COLUMNS.size(); c++) {
            double mean = new double[] {0.11, 0.05, 0.03, 0.012, 0.002, -0.001}[c];
            importance.add(new ReportData.Importance(CHURN_COLUMNS.get(c), mean, mean - 0.006, mean + 0.006, mean > 0.005 ? 0.001 : 0.4));
        }
        String output = switch (kind) {
            case BINARY -> "yes";
            case MULTICLASS -> "premium";
            case REGRESSION -> "value";
        };
        ReportData.Shap values = new ReportData.Shap(regression ? "value" : "probability", "exact TreeSHAP", output, CHURN_COLUMNS, shap, cells);

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
        dependence.add(new ReportData.Dependence("plan", output, List.of("monthly", "annual", "two-year"), new double[] {0, 1, 2}, planMean, planIce,
                true, "mean over 400 rows, 20 of them drawn as ICE curves"));
        // an ID-like column's twelve most frequent values, as a run draws them: labels too long to sit side by side
        List<String> ids = new ArrayList<>();
        double[] idGrid = new double[12];
        double[] idMean = new double[12];
        for (int g = 0; g < idGrid.length; g++) {
            ids.add(String.format(Locale.ROOT, "C%06d", g + 1));
            idGrid[g] = g;
            idMean[g] = planMean[1];
        }
        dependence.add(new ReportData.Dependence("customer_id", output, ids, idGrid, idMean, new double[][] {idMean}, true,
                "the 12 most frequent of 400 values"));

        List<ErrorSlices.Slice> slices = List.of(new ErrorSlices.Slice("plan = monthly and tenure_months <= 6", 48, regression ? 14.2 : 0.71),
                new ErrorSlices.Slice("plan = monthly and tenure_months > 6", 131, regression ? 9.1 : 0.48),
                new ErrorSlices.Slice("plan != monthly", 221, regression ? 5.3 : 0.22));
        List<ReportData.Fact> summary = List.of(new ReportData.Fact("data", "2,000 rows, 6 columns"),
                new ReportData.Fact("task", kind.name().toLowerCase(Locale.ROOT)), new ReportData.Fact("metric", metric),
                new ReportData.Fact("budget", "60 s, 30 trials; used 21.4 s"), new ReportData.Fact("trials", "28 completed, 1 failed, 1 timed out"),
                new ReportData.Fact("best model", "ensemble of 5 trials"));
        return new ReportData("AutoML4J run: churn (" + kind.name().toLowerCase(Locale.ROOT) + ")", summary,
                List.of("class-imbalance: passed", "target-leakage: passed", "high-cardinality: column 'region' has 48 levels"), metric, higher,
                ranked, anytime, importance, values, diagnostics, slices, regression ? "absolute error" : "log loss", dependence);
    }

    /**
     * A crowded run: 60 trials of seven learners (one with a 34-character id), 30 columns of which every third is named
     * {@code number_of_support_calls_in_the_last_twelve_months_N}, 1,000 rows; a multiclass run has 24 classes with
     * 21-character names and permutation importance in the 1e-5 range, a regression run a log-normal target (house
     * prices: most near 60,000, a few in the millions) and scores near 150,000; partial dependence of a categorical
     * column with long level names.
     */
    static ReportData crowded(Kind kind) {
        boolean regression = kind == Kind.REGRESSION;
        SplittableRandom r = new SplittableRandom(5);
        String[] learners = {"xgboost", "lightgbm", "smile-random-forest", "smile-logistic", "smile-knn", "tribuo-extra-trees",
                "tribuo-linear-sgd-regression-model"};
        List<ReportData.Row> rows = new ArrayList<>();
        List<double[]> anytime = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 60; t++) {
            double score = regression ? 120_000 + 80_000 * r.nextDouble() : 0.3 + 2 * r.nextDouble();
            if (score < best) {
                best = score;
                anytime.add(new double[] {t * 3.1, best});
            }
            Map<String, Double> params = Map.of("eta", Math.pow(10, -5 + 5 * r.nextDouble()), "min_child_weight",
                    Math.pow(10, -3 + 6 * r.nextDouble()), "subsample", 0.5 + 0.5 * r.nextDouble());
            rows.add(new ReportData.Row(0, t, learners[t % learners.length], score, Double.NaN, Math.pow(10, -2 + 4 * r.nextDouble()),
                    "completed", params.toString(), params));
        }
        rows.sort((a, b) -> Double.compare(a.score(), b.score()));
        List<ReportData.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ReportData.Row x = rows.get(i);
            ranked.add(new ReportData.Row(i + 1, x.trial(), x.learner(), x.score(), i < 10 ? x.score() * 1.01 : Double.NaN, x.fitSeconds(),
                    x.status(), x.config(), x.params()));
        }
        int columns = 30;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add(c % 3 == 0 ? "number_of_support_calls_in_the_last_twelve_months_" + c : "col" + c);
        }
        int n = 1000;
        double[][] shap = new double[n][columns];
        double[][] cells = new double[n][columns];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
                cells[i][c] = r.nextGaussian();
                shap[i][c] = cells[i][c] * (regression ? 50_000.0 : 0.3) / (c + 1);
            }
        }
        List<ReportData.Importance> importance = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            double m = (regression ? 40_000.0 : 1e-4) / (c + 1);
            importance.add(new ReportData.Importance(names.get(c), m, m * 0.5, m * 1.5, 0.01));
        }
        String output = regression ? "value" : "category_of_customer_3";
        ReportData.Diagnostics diagnostics;
        if (regression) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = Math.exp(11 + 1.2 * r.nextGaussian());
                predicted[i] = actual[i] * Math.exp(0.3 * r.nextGaussian());
            }
            diagnostics = new ReportData.RegressionDiagnostics("test rows", actual, predicted);
        } else {
            int k = 24;
            List<String> classes = new ArrayList<>();
            long[][] confusion = new long[k][k];
            for (int a = 0; a < k; a++) {
                classes.add("category_of_customer_" + a);
                for (int b = 0; b < k; b++) {
                    confusion[a][b] = a == b ? 500 + r.nextInt(1000) : r.nextInt(80);
                }
            }
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                positive[i] = r.nextDouble() < 0.1;
                score[i] = Math.min(1, Math.max(0, (positive[i] ? 0.3 : 0.05) + 0.1 * r.nextGaussian()));
            }
            diagnostics = new ReportData.ClassDiagnostics("validation", classes, confusion, output, Curves.roc(positive, score),
                    Curves.precisionRecall(positive, score), Curves.calibration(positive, score, 10), Curves.gain(positive, score, 50));
        }
        List<String> levels = new ArrayList<>();
        double[] grid = new double[8];
        double[] mean = new double[grid.length];
        double[][] ice = new double[30][grid.length];
        for (int g = 0; g < grid.length; g++) {
            levels.add("level_with_a_long_name_" + g);
            grid[g] = g;
            for (int i = 0; i < ice.length; i++) {
                ice[i][g] = (regression ? 300_000 : 0.2) * (1 + 0.1 * g + 0.05 * i);
                mean[g] += ice[i][g] / ice.length;
            }
        }
        List<ReportData.Dependence> dependence = List.of(new ReportData.Dependence(names.get(0), output, levels, grid, mean, ice, true, ""));
        List<ErrorSlices.Slice> slices = List.of(new ErrorSlices.Slice(names.get(0) + " <= 3.5 and " + names.get(3)
                + " > 2 and region in {R1, R2, R3, R4, R5, R6}", 100, 3), new ErrorSlices.Slice("all other rows", 900, 1));
        return new ReportData("AutoML4J run: a crowded " + kind.name().toLowerCase(Locale.ROOT) + " run of a wide table with long names",
                List.of(new ReportData.Fact("data", "50,000 rows, 30 columns")), List.of(), regression ? "rmse" : "logloss", false, ranked,
                anytime, importance, new ReportData.Shap(regression ? "value" : "probability", "sampled", output, names, shap, cells),
                diagnostics, slices, regression ? "absolute error" : "log loss", dependence);
    }
}
