package automl4j.learners.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.data.Task;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.LearnerContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * LightGBM's own SHAP values, read in its raw score space; the learner contract checks that they add up to the
 * prediction. Here: the space of each task, sparse rows, the base value, a column no tree reads, a text without counts.
 */
class LightgbmShapTest {
    private final LightgbmLearner learner = new LightgbmLearner();

    private FittedModel fit(TrainingSet data) {
        return learner.fit(data, learner.defaultConfig(data.target().task()), FitContext.of(3, 1));
    }

    @Test
    void eachTaskIsExplainedInItsRawScoreSpace() {
        List<String> spaces = List.of("log-odds", "margin", "value");
        for (int t = 0; t < LearnerContract.ALL.size(); t++) {
            Task task = LearnerContract.ALL.get(t);
            TrainingSet train = LearnerContract.data(task, 150, 2);
            FittedModel model = fit(train);
            for (FittedModel m : List.of(model, learner.load(model.export()))) {
                ShapValues shap = ((ExactShap) m).shap(train.features().select(new int[] {0, 1}), train.features());
                assertThat(shap.space()).as(task.label()).isEqualTo(spaces.get(t));
                assertThat(shap.outputs()).hasSize(t == 1 ? 3 : 1);
            }
        }
    }

    @Test
    void sparseRowsGetTheValuesOfTheirDenseForm() {
        TrainingSet train = LearnerContract.data(LearnerContract.MULTICLASS, 200, 3);
        ExactShap model = (ExactShap) fit(train);
        FeatureMatrix dense = LearnerContract.data(LearnerContract.MULTICLASS, 30, 4).features();
        float[] x = dense.toArray();
        for (int i = 0; i < x.length; i += 3) {
            x[i] = 0;   // absent from the sparse form
        }
        FeatureMatrix withZeros = FeatureMatrix.of(x, dense.rows(), dense.names());
        ShapValues a = model.shap(withZeros, train.features());
        ShapValues b = model.shap(sparse(withZeros), train.features());
        for (int r = 0; r < a.rows(); r++) {
            for (int f = 0; f < a.features().size(); f++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(b.value(r, f, k)).isEqualTo(a.value(r, f, k));
                }
            }
        }
    }

    // LightGBM weighs branches by the training rows that reached them, so the base value is the mean prediction over
    // the training rows (without row sampling, which the default config does not do).
    @Test
    void theBaseValueIsTheMeanPredictionOverTheTrainingRows() {
        TrainingSet train = LearnerContract.data(LearnerContract.REGRESSION, 200, 5);
        FittedModel model = fit(train);
        Predictions p = model.predict(train.features());
        double mean = 0;
        for (int i = 0; i < p.size(); i++) {
            mean += p.value(i) / p.size();
        }
        assertThat(((ExactShap) model).shap(train.features().select(new int[] {0}), train.features()).base(0))
                .isCloseTo(mean, within(1e-9));
    }

    @Test
    void aColumnThatIsZeroInEveryTrainingRowGetsZero() {
        TrainingSet data = LearnerContract.data(LearnerContract.BINARY, 200, 6);
        float[] x = data.features().toArray();
        for (int r = 0; r < data.features().rows(); r++) {
            x[r * 4 + 3] = 0;
        }
        TrainingSet train = new TrainingSet(FeatureMatrix.of(x, data.features().rows(), data.features().names()), data.labels(),
                data.target());
        FeatureMatrix rows = LearnerContract.data(LearnerContract.BINARY, 20, 7).features();
        ShapValues shap = ((ExactShap) fit(train)).shap(rows, train.features());
        for (int r = 0; r < rows.rows(); r++) {
            assertThat(shap.value(r, 3, 0)).isEqualTo(0.0);
        }
    }

    @Test
    void aModelTextWithoutNodeCountsIsRefusedForShapValues() {
        TrainingSet train = LearnerContract.data(LearnerContract.BINARY, 150, 8);
        ModelArtifact a = fit(train).export();
        String text = new String(a.payload(), StandardCharsets.US_ASCII).lines()
                .filter(line -> !line.startsWith("leaf_count=") && !line.startsWith("internal_count="))
                .collect(Collectors.joining("\n", "", "\n"));
        ExactShap stripped = (ExactShap) learner.load(new ModelArtifact(a.learnerId(), a.format(), a.properties(),
                text.getBytes(StandardCharsets.US_ASCII)));
        String message = assertThrows(IllegalStateException.class, () -> stripped.shap(train.features(), train.features()))
                .getMessage();
        assertThat(message).contains("leaf_count, internal_count");
    }

    /** The same cells in compressed sparse rows, zeros left out. */
    private static FeatureMatrix sparse(FeatureMatrix dense) {
        float[] x = dense.toArray();
        int c = dense.columns();
        int[] start = new int[dense.rows() + 1];
        int stored = 0;
        for (float v : x) {
            stored += v != 0 ? 1 : 0;
        }
        int[] idx = new int[stored];
        float[] val = new float[stored];
        int n = 0;
        for (int r = 0; r < dense.rows(); r++) {
            for (int k = 0; k < c; k++) {
                if (x[r * c + k] != 0) {
                    idx[n] = k;
                    val[n++] = x[r * c + k];
                }
            }
            start[r + 1] = n;
        }
        return FeatureMatrix.sparse(start, idx, val, dense.names());
    }
}
