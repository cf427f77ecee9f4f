package automl4j.scoring;

import static automl4j.scoring.MemberChecks.BINARY;
import static automl4j.scoring.MemberChecks.FIVE_CLASSES;
import static automl4j.scoring.MemberChecks.MULTICLASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.smile.SmileLogisticLearner;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring evaluator of {@code smile-logistic} payloads predicts the engine's bits, and refuses what it refuses. */
class SmileLinearMemberTest {
    private static final Learner LEARNER = new SmileLogisticLearner();

    @Test
    void predictsTheEnginesBitsForBinaryAndMulticlassAndSomeSettings() {
        int rows = 0;
        for (Task task : List.of(BINARY, MULTICLASS, FIVE_CLASSES)) {
            for (Map<String, Object> overrides : List.of(Map.<String, Object>of(), Map.<String, Object>of("lambda", 20.0),
                    Map.<String, Object>of("lambda", 1e-4))) {
                for (MemberChecks.Style style : MemberChecks.Style.values()) {
                    TrainingSet train = MemberChecks.data(task, 300, 7, style, 21);
                    ModelArtifact artifact = MemberChecks.fit(LEARNER, train, overrides).export();
                    MemberModel member = SmileLinearMember.load(MemberChecks.payload(artifact, train.target(), train.features().names()));
                    FeatureMatrix queries = MemberChecks.queries(train, 240, style, MemberChecks.Missing.CELLS_AND_ROWS, 22);
                    rows += MemberChecks.assertSameBits(LEARNER.load(artifact), member, queries);
                }
            }
        }
        assertThat(rows).isEqualTo(18 * 240);
    }

    @Test
    void damagedPayloadsAreRefusedWithTheEnginesMessage() {
        TrainingSet train = MemberChecks.data(MULTICLASS, 150, 3, MemberChecks.Style.GAUSSIAN, 5);
        ModelArtifact good = MemberChecks.fit(LEARNER, train, Map.of()).export();
        assertThat(new String(good.payload(), StandardCharsets.UTF_8)).startsWith("{\"weights\":[[");
        refused(train, json(good, "{\"weights\":[[1,2,3,4]]}"));
        refused(train, json(good, "{\"weights\":[[1,2,3,4],[1,2,3]]}"));
        refused(train, json(good, "{\"weights\":[[1,2,3,4],[1,2,3,\"NaN\"]]}"));
        refused(train, json(good, "{\"weights\":[[1,2,3,4],[1,2,3,1e999]]}"));
        refused(train, json(good, "{\"weights\":[[],[]]}"));
        refused(train, json(good, "{\"weights\":"));
        refused(train, json(good, "[1, 2]"));
        refused(train, new ModelArtifact(good.learnerId(), "automl4j-tree-ensemble-json", good.properties(), good.payload()));
        Map<String, String> regression = new HashMap<>();
        regression.put("task", "regression");
        regression.put("classes", "");
        ModelArtifact asRegression = MemberChecks.withProperties(good, regression);
        MemberChecks.assertRefusedLikeEngine(LEARNER, asRegression, new Target("y", new Regression()), train.features().names(),
                SmileLinearMember::load);
        // The engine notices a featurizer of another width only when it predicts; scoring refuses it at once.
        assertThatThrownBy(() -> SmileLinearMember.load(MemberChecks.payload(good, train.target(), List.of("f0", "f1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smile-logistic was fitted on 3 features, but got 2");
    }

    private static void refused(TrainingSet train, ModelArtifact artifact) {
        MemberChecks.assertRefusedLikeEngine(LEARNER, artifact, train.target(), train.features().names(), SmileLinearMember::load);
    }

    private static ModelArtifact json(ModelArtifact artifact, String text) {
        return MemberChecks.withPayload(artifact, text.getBytes(StandardCharsets.UTF_8));
    }
}
