package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.explain.PipelineShap;
import automl4j.explain.ShapValues;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of a large run stays small: every part of a 50,000-row run, as the report's computations cap it (curves,
 * a sample of regression rows, SHAP rows and columns, grid values and ICE rows), renders to well under 5 MB.
 */
class HtmlReportSizeTest {
    private static final int ROWS = 50_000;
    private static final int COLUMNS = 40;

    @Test
    void aFiftyThousandRowRunsReportIsWellUnderFiveMegabytes() {
        for (String task : List.of("binary", "multiclass", "regression")) {
            String html = HtmlReport.render(run(task, new SplittableRandom(task.hashCode())));
            int bytes = html.getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("bytes of the %s report", task).isLessThan(3_000_000);
        }
    }

    private static ReportData run(String task, SplittableRandom r) {
        List<String> learners = List.of("xgboost", "smile-random-forest", "smile-logistic", "tribuo-knn", "ensemble");
        List<ReportData.Row> board = new ArrayList<>();
        List<double[]> anytime = new ArrayList<>();
        double best = 0;
        for (int i = 0; i < 1000; i++) {   // a long search
            double score = 0.6 + 0.3 * r.nextDouble();
            best = Math.max(best, score);
            anytime.add(new double[] {i * 3.6, best});
            Map<String, Double> params = new LinkedHashMap<>();
            params.put("max_depth", (double) (2 + r.nextInt(10)));
            params.put("learning_rate", Math.pow(10, -3 + 3 * r.nextDouble()));
            params.put("subsample", 0.5 + 0.5 * r.nextDouble());
            board.add(new ReportData.Row(i + 1, i, learners.get(i % learners.size()), score, i < 10 ? score : Double.NaN,
                    r.nextDouble() * 60, "completed", params.toString() + ", featurizer.one_hot_max=12, featurizer.scale=standard", params));
        }
        List<ReportData.Importance> importance = new ArrayList<>();
        Table rows = Table.create("explained");
        List<String> names = new ArrayList<>();
        int explained = 2000;
        for (int c = 0; c < COLUMNS; c++) {
            String name = "column_with_a_long_descriptive_name_" + c;
            names.add(name);
            importance.add(new ReportData.Importance(name, 0.01 / (c + 1), 0.005 / (c + 1), 0.015 / (c + 1), 0.01 * c));
            if (c % 4 == 0) {
                StringColumn s = StringColumn.create(name);
                for (int i = 0; i < explained; i++) {
                    s.append("level-" + r.nextInt(30));
                }
                rows.addColumns(s);
            } else {
                double[] v = new double[explained];
                for (int i = 0; i < explained; i++) {
                    v[i] = r.nextGaussian();
                }
                rows.addColumns(DoubleColumn.create(name, v));
            }
        }
        double[][][] values = new double[explained][COLUMNS][1];
        for (int i = 0; i < explained; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                values[i][c][0] = r.nextGaussian() / (c + 1);
            }
        }
        ReportData.Shap shap = ShapSummary.of(new PipelineShap.Explained(new ShapValues(names, List.of("value"), "value", new double[1], values),
                null, "sampled"), rows, 1);
        List<ReportData.Dependence> dependence = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            int g = c % 4 == 0 ? PartialDependence.MAX_LEVELS : PartialDependence.MAX_GRID;
            List<String> labels = new ArrayList<>();
            double[] grid = new double[g];
            double[] mean = new double[g];
            double[][] ice = new double[PartialDependence.MAX_ICE][g];
            for (int k = 0; k < g; k++) {
                labels.add(c % 4 == 0 ? "level-" + k : Double.toString(k * 0.37));
                grid[k] = c % 4 == 0 ? k : k * 0.37;
                mean[k] = r.nextDouble();
                for (double[] row : ice) {
                    row[k] = r.nextDouble();
                }
            }
            dependence.add(new ReportData.Dependence(names.get(c), "value", labels, grid, mean, ice, c % 4 == 0, "mean over 500 rows"));
        }
        List<ErrorSlices.Slice> slices = new ArrayList<>();
        for (int s = 0; s < 16; s++) {
            slices.add(new ErrorSlices.Slice(names.get(s) + " <= 0.5 and " + names.get(s + 1) + " = level-3", 1000 + s, 0.1 * s));
        }
        return new ReportData("AutoML4J run on 50,000 rows", List.of(new ReportData.Fact("rows", "50000")), List.of("class-imbalance: passed"),
                "auc", true, board, anytime, importance, shap, diagnostics(task, r), slices, "log loss", dependence);
    }

    private static ReportData.Diagnostics diagnostics(String task, SplittableRandom r) {
        double[] truth = new double[ROWS];
        if (task.equals("regression")) {
            double[] predicted = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                truth[i] = 100 * r.nextGaussian();
                predicted[i] = truth[i] + 10 * r.nextGaussian();
            }
            return ModelDiagnostics.regression(Labels.of(truth), Predictions.ofValues(predicted), "out-of-fold predictions", 1);
        }
        int k = task.equals("binary") ? 2 : 10;
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add("class-" + c);
        }
        double[][] p = new double[ROWS][k];
        for (int i = 0; i < ROWS; i++) {
            truth[i] = r.nextInt(k);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i][c] = r.nextDouble() + (c == truth[i] ? 0.8 : 0);
                sum += p[i][c];
            }
            for (int c = 0; c < k; c++) {
                p[i][c] /= sum;
            }
        }
        Classification t = new Classification(classes);
        return ModelDiagnostics.classification(Labels.of(truth), Predictions.ofProbabilities(t, classes, p), "out-of-fold predictions");
    }
}
