package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelDiagnosticsTest {
    private static final Classification BINARY = new Classification(List.of("no", "yes"));

    private static Predictions binary(double... yes) {
        double[][] p = new double[yes.length][];
        for (int i = 0; i < yes.length; i++) {
            p[i] = new double[] {1 - yes[i], yes[i]};
        }
        return Predictions.ofProbabilities(BINARY, BINARY.classes(), p);
    }

    @Test
    void aBinaryConfusionMatrixIsByTheMostProbableClassOrAtAThreshold() {
        Labels truth = Labels.of(new double[] {1, 0, 1, 0, 1});
        Predictions p = binary(0.9, 0.8, 0.7, 0.3, 0.3);
        ReportData.ClassDiagnostics d = ModelDiagnostics.classification(truth, p, "test rows");
        assertThat(d.source()).isEqualTo("test rows");
        assertThat(d.classes()).containsExactly("no", "yes");
        assertThat(d.confusion()).isDeepEqualTo(new long[][] {{1, 1}, {1, 2}});
        assertThat(d.positive()).isEqualTo("yes");
        boolean[] y = {true, false, true, false, true};
        double[] s = {0.9, 0.8, 0.7, 0.3, 0.3};
        assertThat(d.roc()).isEqualTo(Curves.roc(y, s));
        assertThat(d.pr()).isEqualTo(Curves.precisionRecall(y, s));
        assertThat(d.calibration()).isEqualTo(Curves.calibration(y, s, ModelDiagnostics.CALIBRATION_BINS));
        assertThat(d.note()).contains("most probable class").contains("'yes' (the positive class) against 'no'");

        ReportData.ClassDiagnostics at = ModelDiagnostics.classification(truth, p, "test rows", 0.25);
        assertThat(at.confusion()).isDeepEqualTo(new long[][] {{0, 2}, {0, 3}});
        assertThat(at.note()).contains("threshold 0.25");
        // at the threshold itself a row is positive
        assertThat(ModelDiagnostics.classification(truth, p, "x", 0.7).confusion()).isDeepEqualTo(new long[][] {{1, 1}, {1, 2}});
    }

    @Test
    void multiclassCurvesAreOfTheMostFrequentTrueClass() {
        Classification task = new Classification(List.of("a", "b", "c"));
        double[][] p = {{0.7, 0.2, 0.1}, {0.1, 0.6, 0.3}, {0.2, 0.2, 0.6}, {0.3, 0.3, 0.4}, {0.5, 0.1, 0.4}};
        Labels truth = Labels.of(new double[] {0, 1, 2, 2, 2});
        ReportData.ClassDiagnostics d = ModelDiagnostics.classification(truth, Predictions.ofProbabilities(task, task.classes(), p), "oof");
        assertThat(d.confusion()).isDeepEqualTo(new long[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 2}});
        assertThat(d.positive()).isEqualTo("c");
        assertThat(d.roc()).isEqualTo(Curves.roc(new boolean[] {false, false, true, true, true}, new double[] {0.1, 0.3, 0.6, 0.4, 0.4}));
        assertThat(d.note()).contains("'c', the most frequent true class (3 of 5 rows), against the other 2 classes");
        assertThatThrownBy(() -> ModelDiagnostics.classification(truth, Predictions.ofProbabilities(task, task.classes(), p), "oof", 0.5))
                .hasMessageContaining("needs two classes");
    }

    @Test
    void theClassGivenIsTheOneTheCurvesAreOf() {
        Classification task = new Classification(List.of("a", "b", "c"));
        double[][] p = {{0.7, 0.2, 0.1}, {0.1, 0.6, 0.3}, {0.2, 0.2, 0.6}, {0.3, 0.3, 0.4}, {0.5, 0.1, 0.4}};
        Labels truth = Labels.of(new double[] {0, 1, 2, 2, 2});
        ReportData.ClassDiagnostics d = ModelDiagnostics.classification(truth, Predictions.ofProbabilities(task, task.classes(), p), "oof",
                Double.NaN, "a");
        assertThat(d.positive()).isEqualTo("a");
        assertThat(d.roc()).isEqualTo(Curves.roc(new boolean[] {true, false, false, false, false}, new double[] {0.7, 0.1, 0.2, 0.3, 0.5}));
        assertThat(d.confusion()).isDeepEqualTo(new long[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 2}});
        assertThat(d.note()).contains("curves of 'a' (1 of 5 rows) against the other 2 classes").doesNotContain("most frequent");
        assertThatThrownBy(() -> ModelDiagnostics.classification(truth, Predictions.ofProbabilities(task, task.classes(), p), "oof",
                Double.NaN, "d")).hasMessage("positive class 'd' must be one of the classes [a, b, c]");

        // two classes, the first as positive: the threshold is on its probability
        Labels binaryTruth = Labels.of(new double[] {1, 0, 1, 0, 1});
        Predictions yes = binary(0.9, 0.8, 0.7, 0.3, 0.3);
        ReportData.ClassDiagnostics no = ModelDiagnostics.classification(binaryTruth, yes, "test rows", 0.6, "no");
        assertThat(no.positive()).isEqualTo("no");
        assertThat(no.roc()).isEqualTo(Curves.roc(new boolean[] {false, true, false, true, false}, new double[] {0.1, 0.2, 0.3, 0.7, 0.7}));
        // 'no' where its probability is at least 0.6: the last two rows
        assertThat(no.confusion()).isDeepEqualTo(new long[][] {{1, 1}, {1, 2}});
        assertThat(no.note()).contains("'no' when its probability is at least that").contains("curves of 'no' against 'yes'");
        ReportData.ClassDiagnostics byRule = ModelDiagnostics.classification(binaryTruth, yes, "t", Double.NaN, null);
        assertThat(byRule.positive()).isEqualTo("yes");
        assertThat(byRule.roc()).isEqualTo(ModelDiagnostics.classification(binaryTruth, yes, "t").roc());
        assertThat(byRule.note()).isEqualTo(ModelDiagnostics.classification(binaryTruth, yes, "t").note());
    }

    @Test
    void rejectsMismatchedOrInvalidInput() {
        Predictions p = binary(0.9, 0.1);
        assertThatThrownBy(() -> ModelDiagnostics.classification(Labels.of(new double[] {1}), p, "x"))
                .hasMessage("there are 1 true labels for 2 predictions");
        assertThatThrownBy(() -> ModelDiagnostics.classification(Labels.of(new double[] {1, 2}), p, "x"))
                .hasMessage("true label of row 1 must be a class index in 0..1, but was 2.0");
        assertThatThrownBy(() -> ModelDiagnostics.classification(Labels.of(new double[] {1, 0}), p, "x", Double.POSITIVE_INFINITY))
                .hasMessageContaining("must be in [0, 1]");
        assertThatThrownBy(() -> ModelDiagnostics.regression(Labels.of(new double[] {1, 0}), p, "x", 1))
                .hasMessageContaining("need values");
        assertThatThrownBy(() -> ModelDiagnostics.classification(Labels.of(new double[] {1}), Predictions.ofValues(new double[] {1}), "x"))
                .hasMessageContaining("need class probabilities");
    }

    @Test
    void aLargeRunKeepsCappedCurvesAndASampleOfRegressionRows() {
        int n = 50_000;
        SplittableRandom r = new SplittableRandom(9);
        double[] y = new double[n];
        double[] yes = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.3 ? 1 : 0;
            yes[i] = Math.min(1, Math.max(0, 0.3 + 0.3 * (y[i] - 0.3) + 0.2 * r.nextGaussian()));
            value[i] = i + 0.5 * y[i];
        }
        ReportData.ClassDiagnostics c = ModelDiagnostics.classification(Labels.of(y), binary(yes), "oof");
        assertThat(c.roc().size()).isBetween(500, ModelDiagnostics.MAX_CURVE_POINTS);
        assertThat(c.pr().size()).isLessThanOrEqualTo(ModelDiagnostics.MAX_CURVE_POINTS);
        assertThat(c.roc().get(0)).isEqualTo(new Curves.Point(0, 0));
        assertThat(c.roc().get(c.roc().size() - 1)).isEqualTo(new Curves.Point(1, 1));
        assertThat(c.gain().size()).isLessThanOrEqualTo(ModelDiagnostics.GAIN_POINTS + 2);
        assertThat(c.calibration().size()).isLessThanOrEqualTo(ModelDiagnostics.CALIBRATION_BINS);
        long total = 0;
        for (long[] row : c.confusion()) {
            total += row[0] + row[1];
        }
        assertThat(total).isEqualTo(n);

        ReportData.RegressionDiagnostics g = ModelDiagnostics.regression(Labels.of(y), Predictions.ofValues(value), "test rows", 4);
        assertThat(g.actual()).hasSize(ModelDiagnostics.MAX_SCATTER);
        assertThat(g.predicted()).isSorted();   // rows kept in order: the predictions increase with the row
        for (int i = 0; i < g.actual().length; i++) {
            assertThat(g.actual()[i]).isEqualTo(y[(int) Math.floor(g.predicted()[i])]);   // each pair from one row
        }
        assertThat(g.note()).isEqualTo("Charts of 5,000 of the 50,000 rows, drawn at random.");
        assertThat(ModelDiagnostics.regression(Labels.of(y), Predictions.ofValues(value), "test rows", 4).predicted()).containsExactly(g.predicted());
        assertThat(ModelDiagnostics.of(Labels.of(new double[] {1, 2}), Predictions.ofValues(new double[] {1, 3}), "t", 1))
                .isInstanceOf(ReportData.RegressionDiagnostics.class).extracting(ReportData.Diagnostics::note).isEqualTo("");
    }
}
