package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.explain.PipelineShap;
import automl4j.explain.ShapValues;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ShapSummaryTest {
    /** Values of {@code features} for {@code outputs}: feature f's value in row r for output k is {@code scale[f] * g(r, k)}. */
    private static PipelineShap.Explained explained(List<String> features, List<String> outputs, double[] scale, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] v = new double[rows][features.size()][outputs.size()];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < outputs.size(); k++) {
                double g = r.nextGaussian();
                for (int f = 0; f < features.size(); f++) {
                    v[i][f][k] = scale[f] * g;
                }
            }
        }
        return new PipelineShap.Explained(new ShapValues(features, outputs, "probability", new double[outputs.size()], v), null, "test values");
    }

    @Test
    void columnsAreRankedByMeanAbsoluteValueAndCellsAreNumbersOrRanks() {
        Table rows = ToyModels.rows(50, 5, 1);
        PipelineShap.Explained e = explained(List.of("x", "plan", "city"), List.of("no", "yes"), new double[] {0.1, 0.5, 0}, 50, 2);
        ReportData.Shap s = ShapSummary.of(e, rows, 0);
        assertThat(s.columns()).containsExactly("plan", "x", "city");
        assertThat(s.output()).isEqualTo("yes");
        assertThat(s.space()).isEqualTo("probability");
        assertThat(s.method()).isEqualTo("test values");
        assertThat(s.values().length).isEqualTo(50);
        for (int r = 0; r < 50; r++) {
            assertThat(s.values()[r][0]).isEqualTo(e.columns().value(r, 1, 1));
            double x = rows.doubleColumn("x").getDouble(r);
            if (Double.isNaN(x)) {
                assertThat(s.cells()[r][1]).isNaN();
            } else {
                assertThat(s.cells()[r][1]).isEqualTo(x);
            }
            // plan's values in sorted order: monthly 0, two-year 1, yearly 2
            assertThat(s.cells()[r][0]).isEqualTo(List.of("monthly", "two-year", "yearly").indexOf(rows.stringColumn("plan").get(r)));
        }
        assertThat(s.note()).contains("colour of 'plan', 'city': each value's rank in sorted order");
    }

    @Test
    void keepsTwentyColumnsAndASampleOfAThousandRows() {
        List<String> features = new ArrayList<>();
        double[] scale = new double[25];
        for (int f = 0; f < 25; f++) {
            features.add("c" + f);
            scale[f] = f;
        }
        int n = 1500;
        PipelineShap.Explained e = explained(features, List.of("value"), scale, n, 3);
        Table rows = Table.create("t");
        for (String f : features) {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = r;   // each cell names its row
            }
            rows.addColumns(tech.tablesaw.api.DoubleColumn.create(f, v));
        }
        ReportData.Shap s = ShapSummary.of(e, rows, 7);
        assertThat(s.columns()).hasSize(ShapSummary.MAX_COLUMNS).startsWith("c24", "c23").endsWith("c5");
        assertThat(s.values().length).isEqualTo(ShapSummary.MAX_ROWS);
        for (int r = 0; r < s.values().length; r++) {
            int row = (int) s.cells()[r][0];
            assertThat(s.values()[r][0]).isEqualTo(e.columns().value(row, 24, 0));
        }
        assertThat(s.note()).contains("the 20 columns of largest mean |SHAP value| of 25").contains("1,000 of the 1,500 explained rows drawn at random");
        assertThat(ShapSummary.of(e, rows, 7).values()).isDeepEqualTo(s.values());
    }

    @Test
    void multiclassValuesAreOfTheClassPredictedMostOften() {
        double[][][] v = new double[4][1][3];
        double[][] margins = {{1, 0, 2}, {0, 3, 1}, {0, 1, 2}, {5, 0, 0}};
        for (int r = 0; r < 4; r++) {
            v[r][0] = margins[r];
        }
        PipelineShap.Explained e = new PipelineShap.Explained(new ShapValues(List.of("x"), List.of("a", "b", "c"), "margin",
                new double[3], v), null, "exact");
        ReportData.Shap s = ShapSummary.of(e, ToyModels.rows(4, 2, 1), 0);
        assertThat(s.output()).isEqualTo("c");
        assertThat(s.note()).contains("values of 'c', the class predicted most often (2 of 4 rows)");
        assertThat(s.values()[0][0]).isEqualTo(2);
        PipelineShap.Explained one = explained(List.of("x"), List.of("yes"), new double[] {1}, 4, 1);
        assertThat(ShapSummary.of(one, ToyModels.rows(4, 2, 1), 0).output()).isEqualTo("yes");
    }

    @Test
    void theClassGivenIsTheOneExplained() {
        double[][][] v = new double[4][1][3];
        double[][] margins = {{1, 0, 2}, {0, 3, 1}, {0, 1, 2}, {5, 0, 0}};
        for (int r = 0; r < 4; r++) {
            v[r][0] = margins[r];
        }
        PipelineShap.Explained e = new PipelineShap.Explained(new ShapValues(List.of("x"), List.of("a", "b", "c"), "margin",
                new double[3], v), null, "exact");
        ReportData.Shap s = ShapSummary.of(e, ToyModels.rows(4, 2, 1), 0, "a");
        assertThat(s.output()).isEqualTo("a");
        assertThat(s.note()).doesNotContain("predicted most often");
        assertThat(s.values()[3][0]).isEqualTo(5);
        assertThat(ShapSummary.of(e, ToyModels.rows(4, 2, 1), 0, null).output()).isEqualTo("c");
        assertThatThrownBy(() -> ShapSummary.of(e, ToyModels.rows(4, 2, 1), 0, "d"))
                .hasMessage("output class 'd' must be an output of the SHAP values, but the outputs are [a, b, c] (margin)");
        PipelineShap.Explained logOdds = new PipelineShap.Explained(new ShapValues(List.of("x"), List.of("yes"), "log-odds",
                new double[1], new double[4][1][1]), null, "exact");
        assertThatThrownBy(() -> ShapSummary.of(logOdds, ToyModels.rows(4, 2, 1), 0, "no"))
                .hasMessageEndingWith("(log-odds); a binary model's log-odds explain only its positive class");
    }

    @Test
    void aModelsOwnExplanationRanksTheUnusedColumnLast() {
        Table rows = ToyModels.rows(300, 5, 4);
        Table explainedRows = rows.first(40);
        PipelineShap.Explained e = ToyModels.binary().explain(explainedRows, rows);
        ReportData.Shap s = ShapSummary.of(e, explainedRows, 0);
        assertThat(s.columns()).containsExactly("plan", "x", "city");   // 3 [monthly] moves the score more than 2 x
        for (double[] row : s.values()) {
            assertThat(row[2]).isZero();
        }
    }

    @Test
    void rejectsRowsThatWereNotExplained() {
        PipelineShap.Explained e = explained(List.of("x"), List.of("value"), new double[] {1}, 3, 1);
        assertThatThrownBy(() -> ShapSummary.of(e, ToyModels.rows(4, 2, 1), 0))
                .hasMessage("SHAP values of 3 rows, but 4 rows were given");
    }
}
