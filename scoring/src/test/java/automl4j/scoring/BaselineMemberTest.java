package automl4j.scoring;

import static automl4j.scoring.MemberChecks.BINARY;
import static automl4j.scoring.MemberChecks.FIVE_CLASSES;
import static automl4j.scoring.MemberChecks.MULTICLASS;
import static automl4j.scoring.MemberChecks.REGRESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.BaselineLearner;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring evaluator of {@code baseline} payloads predicts the engine's bits, and refuses what it refuses. */
class BaselineMemberTest {
    private static final Learner LEARNER = new BaselineLearner();

    @Test
    void predictsTheEnginesBitsForEveryTask() {
        for (Task task : List.of(BINARY, MULTICLASS, FIVE_CLASSES, REGRESSION)) {
            TrainingSet train = MemberChecks.data(task, 301, 3, MemberChecks.Style.GAUSSIAN, 31);
            ModelArtifact artifact = MemberChecks.fit(LEARNER, train, Map.of()).export();
            MemberModel member = BaselineMember.load(MemberChecks.payload(artifact, train.target(), train.features().names()));
            MemberChecks.assertSameBits(LEARNER.load(artifact), member,
                    MemberChecks.queries(train, 200, MemberChecks.Style.GAUSSIAN, MemberChecks.Missing.CELLS_AND_ROWS, 32));
        }
    }

    @Test
    void damagedPayloadsAreRefusedWithTheEnginesMessage() {
        TrainingSet train = MemberChecks.data(MULTICLASS, 10, 2, MemberChecks.Style.GAUSSIAN, 5);
        ModelArtifact good = MemberChecks.fit(LEARNER, train, Map.of()).export();
        String ok = new String(good.payload(), StandardCharsets.UTF_8);
        assertThat(ok).contains("\"classes\":[\"high\",\"low\",\"mid\"]");
        refused(train, good, "{\"version\":1");
        refused(train, good, "[1]");
        refused(train, good, ok.replace("\"version\":1", "\"version\":2"));
        refused(train, good, ok.replace("\"task\":\"multiclass\"", "\"task\":\"ordinal\""));
        refused(train, good, ok.replace("\"task\":\"multiclass\"", "\"task\":\"binary\""));
        refused(train, good, ok.replace("{", "{\"mean\":1,"));
        refused(train, good, "{\"version\":1,\"task\":\"multiclass\",\"classes\":[\"a\",\"a\",\"b\"],\"probabilities\":[0.2,0.3,0.5]}");
        refused(train, good, "{\"version\":1,\"task\":\"multiclass\",\"classes\":[\"a\",\"b\",\"c\"],\"probabilities\":[0.2,0.3,0.4]}");
        refused(train, good, "{\"version\":1,\"task\":\"multiclass\",\"classes\":[\"a\",\"b\",\"c\"],\"probabilities\":[-0.2,0.7,0.5]}");
        refused(train, good, "{\"version\":1,\"task\":\"regression\",\"mean\":\"x\"}");
        assertThatThrownBy(() -> BaselineMember.load(MemberChecks.payload(new ModelArtifact("baseline", "other", Map.of(), good.payload()),
                train.target(), List.of())))
                .hasMessage("baseline model: format must be 'baseline-json', but was 'other'");
        // The engine takes the classes from the payload; scoring wants them to be the pipeline's, in its order.
        String reordered = "{\"version\":1,\"task\":\"multiclass\",\"classes\":[\"low\",\"high\",\"mid\"],\"probabilities\":[0.2,0.3,0.5]}";
        assertThatThrownBy(() -> BaselineMember.load(MemberChecks.payload(payload(good, reordered), train.target(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline model: payload predicts a multiclass target of classes [low, high, mid], but the model's target 'y' "
                        + "is multiclass of classes [high, low, mid]");
        Target binary = new Target("y", new Classification(List.of("high", "low")));
        assertThatThrownBy(() -> BaselineMember.load(MemberChecks.payload(good, binary, List.of())))
                .hasMessageContaining("but the model's target 'y' is binary");
    }

    private static void refused(TrainingSet train, ModelArtifact good, String json) {
        MemberChecks.assertRefusedLikeEngine(LEARNER, payload(good, json), train.target(), List.of(), BaselineMember::load);
    }

    private static ModelArtifact payload(ModelArtifact artifact, String json) {
        return MemberChecks.withPayload(artifact, json.getBytes(StandardCharsets.UTF_8));
    }
}
