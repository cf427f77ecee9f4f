package automl4j.learners.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.ModelArtifact;
import automl4j.learners.LearnerContract;
import automl4j.space.Config;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LgbmModelTextTest {
    private static ModelArtifact artifact(Task task) {
        LightgbmLearner learner = new LightgbmLearner();
        var v = new TreeMap<>(learner.defaultConfig(task).values());
        v.put("n_estimators", 3);
        v.put("num_leaves", 4);
        return learner.fit(LearnerContract.data(task, 120, 1), Config.of("lightgbm", v), FitContext.of(1, 1)).export();
    }

    private static String text(ModelArtifact a) {
        return new String(a.payload(), StandardCharsets.US_ASCII);
    }

    private static ModelArtifact with(ModelArtifact a, String text) {
        return new ModelArtifact(a.learnerId(), a.format(), a.properties(), text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String loadFails(ModelArtifact a) {
        return assertThrows(IllegalArgumentException.class, () -> new LightgbmLearner().load(a)).getMessage();
    }

    @Test
    void exportedTextIsAlreadyCanonical() {
        for (Task task : LearnerContract.ALL) {
            ModelArtifact a = artifact(task);
            int features = a.intProperty("num_features", 1, 100);
            assertThat(LgbmModelText.check(a.payload(), automl4j.learn.ArtifactTargets.read(a), features)).isEqualTo(text(a));
        }
    }

    @Test
    void rejectsAChildIndexOutsideTheTree() {
        ModelArtifact a = artifact(LearnerContract.BINARY);
        String t = text(a).replaceFirst("right_child=(-?\\d+)", "right_child=7");
        assertThat(loadFails(a = with(a, t))).startsWith("lightgbm payload is invalid: tree 0 right_child[0] must be an integer in [-4, 2]");
    }

    @Test
    void rejectsANodeThatIsTheChildOfTwoNodes() {
        ModelArtifact a = artifact(LearnerContract.BINARY);
        String t = text(a).replaceFirst("left_child=(-?\\d+) (-?\\d+) (-?\\d+)", "left_child=-1 -1 -1");
        assertThat(loadFails(with(a, t))).contains("tree 0 node").contains("not a later node or a leaf that no other node has");
    }

    /** LightGBM writes {@code inf} for a split that sends only the missing values (its default side) the other way. */
    @Test
    void acceptsInfiniteThresholdsButNotInfiniteLeafValues() {
        ModelArtifact a = artifact(LearnerContract.BINARY);
        String t = text(a).replaceFirst("threshold=[-0-9.e]+", "threshold=inf");
        assertThat(t).isNotEqualTo(text(a));
        assertThat(new LightgbmLearner().load(with(a, t)).export().payload()).isEqualTo(t.getBytes(StandardCharsets.US_ASCII));
        String leaf = text(a).replaceFirst("leaf_value=[-0-9.e]+", "leaf_value=inf");
        assertThat(loadFails(with(a, leaf))).contains("tree 0 leaf_value[0] must be a finite number, but was 'inf'");
    }

    @Test
    void rejectsASplitFeatureBeyondTheFeatureCount() {
        ModelArtifact a = artifact(LearnerContract.REGRESSION);
        String t = text(a).replaceFirst("split_feature=\\d+", "split_feature=4");
        assertThat(loadFails(with(a, t))).contains("tree 0 split_feature[0] must be an integer in [0, 3], but was '4'");
    }

    @Test
    void rejectsCategoricalSplits() {
        ModelArtifact a = artifact(LearnerContract.BINARY);
        String t = text(a).replaceFirst("decision_type=\\d+", "decision_type=1");
        assertThat(loadFails(with(a, t))).contains("tree 0 decision_type[0] must be a numerical split (even), but was 1");
    }

    @Test
    void rejectsAModelOfAnotherTask() {
        ModelArtifact a = artifact(LearnerContract.MULTICLASS);
        String t = text(a).replace("objective=multiclass num_class:3", "objective=multiclassova num_class:3");
        assertThat(loadFails(with(a, t))).contains("objective must be 'multiclass num_class:3', but was 'multiclassova num_class:3'");
    }

    @Test
    void rejectsUnknownKeysAndNonAsciiBytes() {
        ModelArtifact a = artifact(LearnerContract.BINARY);
        assertThat(loadFails(with(a, text(a).replace("is_linear=0", "is_linear=0\nleaf_coeff=1"))))
                .contains("must set one of").contains("leaf_coeff=1");
        assertThat(loadFails(with(a, text(a).replace("tree\n", "tr\u00e9e\n")))).contains("byte 2 must be printable ASCII");
        assertThat(loadFails(with(a, text(a).replaceFirst("leaf_value=\\S+", "leaf_value=nan"))))
                .contains("tree 0 leaf_value[0] must be a finite number, but was 'nan'");
    }
}
