package automl4j.scoring;

import static automl4j.scoring.MemberChecks.BINARY;
import static automl4j.scoring.MemberChecks.FIVE_CLASSES;
import static automl4j.scoring.MemberChecks.MULTICLASS;
import static automl4j.scoring.MemberChecks.REGRESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.smile.SmileRandomForestLearner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The scoring evaluator of {@code smile-random-forest} payloads predicts the engine's bits, and refuses what it refuses. */
class SmileForestMemberTest {
    private static final Learner LEARNER = new SmileRandomForestLearner();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void predictsTheEnginesBitsForEveryTaskAndSomeSettings() {
        List<Map<String, Object>> settings = List.of(Map.of(),
                Map.of("n_trees", 37, "max_depth", 6, "node_size", 3, "subsample", 0.7, "max_features_exponent", 0.9));
        int rows = 0;
        for (Task task : List.of(BINARY, MULTICLASS, FIVE_CLASSES, REGRESSION)) {
            for (Map<String, Object> overrides : settings) {
                TrainingSet train = MemberChecks.data(task, 300, 6, MemberChecks.Style.GAUSSIAN, 11);
                ModelArtifact artifact = MemberChecks.fit(LEARNER, train, overrides).export();
                FittedModel engine = LEARNER.load(artifact);
                MemberModel member = SmileForestMember.load(MemberChecks.payload(artifact, train.target(), train.features().names()));
                FeatureMatrix queries = MemberChecks.queries(train, 240, MemberChecks.Style.GAUSSIAN, MemberChecks.Missing.CELLS_AND_ROWS, 12);
                rows += MemberChecks.assertSameBits(engine, member, queries);
            }
        }
        assertThat(rows).isEqualTo(8 * 240);
    }

    @Test
    void aPayloadWithoutSmoothingIsNotSmoothedAsTheEngineReadsOlderFiles() {
        TrainingSet train = MemberChecks.data(MULTICLASS, 200, 4, MemberChecks.Style.GAUSSIAN, 3);
        ModelArtifact fitted = MemberChecks.fit(LEARNER, train, Map.of()).export();
        assertThat(fitted.properties()).containsEntry("uniform_vote_smoothing", "true");
        Map<String, String> older = new HashMap<>();
        older.put("uniform_vote_smoothing", null);
        ModelArtifact artifact = MemberChecks.withProperties(fitted, older);
        MemberModel member = SmileForestMember.load(MemberChecks.payload(artifact, train.target(), train.features().names()));
        FeatureMatrix queries = MemberChecks.queries(train, 200, MemberChecks.Style.GAUSSIAN, MemberChecks.Missing.CELLS, 4);
        MemberChecks.assertSameBits(LEARNER.load(artifact), member, queries);
        // Some class gets no vote at all somewhere: unsmoothed, it has probability 0.
        assertThat(Arrays.stream(LEARNER.load(artifact).predict(queries).toFlat()).anyMatch(p -> p == 0)).isTrue();
    }

    @Test
    void damagedPayloadsAreRefusedWithTheEnginesMessage() {
        TrainingSet train = MemberChecks.data(MULTICLASS, 150, 4, MemberChecks.Style.GAUSSIAN, 5);
        ModelArtifact good = MemberChecks.fit(LEARNER, train, Map.of("n_trees", 20)).export();
        List<String> names = train.features().names();
        byte[] payload = good.payload();
        refused(train, MemberChecks.withPayload(good, Arrays.copyOf(payload, payload.length / 2)));
        refused(train, MemberChecks.withPayload(good, new byte[0]));
        refused(train, edited(good, root -> tree(root, 0).withArray("left").set(0, 0)));
        refused(train, edited(good, root -> tree(root, 1).withArray("right").set(0, 10_000)));
        refused(train, edited(good, root -> tree(root, 0).withArray("threshold").remove(0)));
        refused(train, edited(good, root -> tree(root, 0).withArray("feature").set(0, 1.5)));
        refused(train, edited(good, root -> tree(root, 2).withArray("cover").set(0, -1)));
        refused(train, edited(good, root -> root.put("outputs", 2)));
        refused(train, edited(good, root -> root.putArray("trees")));
        int leaf = firstLeaf(good);
        refused(train, edited(good, root -> ((ArrayNode) tree(root, 0).withArray("leaf").get(leaf)).set(0, "NaN")));
        refused(train, edited(good, root -> ((ArrayNode) tree(root, 0).withArray("leaf").get(leaf)).remove(0)));
        refused(train, new ModelArtifact(good.learnerId(), "automl4j-linear-json", good.properties(), payload));
        Map<String, String> noTask = new HashMap<>();
        noTask.put("task", null);
        refused(train, MemberChecks.withProperties(good, noTask));
        // The engine notices a featurizer too narrow for the trees only when it predicts; scoring refuses it at once.
        assertThatThrownBy(() -> SmileForestMember.load(MemberChecks.payload(good, train.target(), names.subList(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smile-random-forest payload: the tree ensemble splits on feature")
                .hasMessageEndingWith("but got 1 features");
    }

    private static void refused(TrainingSet train, ModelArtifact artifact) {
        MemberChecks.assertRefusedLikeEngine(LEARNER, artifact, train.target(), train.features().names(), SmileForestMember::load);
    }

    private static ObjectNode tree(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("trees").get(i);
    }

    private static int firstLeaf(ModelArtifact artifact) {
        try {
            ArrayNode feature = tree((ObjectNode) JSON.readTree(artifact.payload()), 0).withArray("feature");
            for (int i = 0; i < feature.size(); i++) {
                if (feature.get(i).asInt() < 0) {
                    return i;
                }
            }
            throw new AssertionError("tree 0 has no leaf");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ModelArtifact edited(ModelArtifact artifact, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(artifact.payload());
            change.accept(root);
            return MemberChecks.withPayload(artifact, JSON.writeValueAsBytes(root));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
