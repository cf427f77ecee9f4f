package automl4j.learners.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import automl4j.explain.ShapValues;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.LearnerContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** SHAP values of a Smile forest saved before covers were kept: counted from background rows, still exact. */
class ForestShapTest {
    @Test
    void aForestSavedWithoutCoversIsExplainedWithCoversCountedFromTheBackground() throws Exception {
        SmileRandomForestLearner learner = new SmileRandomForestLearner();
        TrainingSet train = LearnerContract.data(LearnerContract.MULTICLASS, 150, 11);
        FittedModel model = learner.fit(train, learner.defaultConfig(LearnerContract.MULTICLASS), FitContext.of(4, 1));
        ModelArtifact artifact = model.export();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(artifact.payload());
        assertThat(root.path("trees").get(0).has("cover")).isTrue();
        root.path("trees").forEach(t -> ((ObjectNode) t).remove("cover"));
        SmileForestModel old = SmileForestModel.load(new ModelArtifact(artifact.learnerId(), artifact.format(),
                artifact.properties(), json.writeValueAsBytes(root)));

        ShapValues shap = old.shap(train.features(), train.features());
        Predictions p = old.predict(train.features());
        for (int r = 0; r < train.features().rows(); r++) {
            for (int k = 0; k < 3; k++) {
                assertThat(shap.output(r, k)).isCloseTo(p.probabilities(r)[k], within(1e-9));
            }
        }
        // with covers counted from the background rows, the base value is the mean prediction over them
        for (int k = 0; k < 3; k++) {
            double mean = 0;
            for (int r = 0; r < shap.rows(); r++) {
                mean += p.probabilities(r)[k] / shap.rows();
            }
            assertThat(shap.base(k)).as("class %d", k).isCloseTo(mean, within(1e-9));
        }
    }
}
