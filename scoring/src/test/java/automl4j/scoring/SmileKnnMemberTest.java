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
import automl4j.learners.smile.SmileKnnLearner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scoring evaluator of {@code smile-knn} payloads predicts the engine's bits at every width, with many ties in
 * distance, NaN cells and queries at no finite distance, and refuses what the engine refuses. Its search is the twin
 * of the engine's: the same code.
 */
class SmileKnnMemberTest {
    private static final Learner LEARNER = new SmileKnnLearner();

    @Test
    void predictsTheEnginesBitsAtEveryWidth() {
        int rows = 0;
        for (int columns : new int[] {6, 14}) {
            for (MemberChecks.Style style : MemberChecks.Style.values()) {
                for (Task task : List.of(BINARY, MULTICLASS, REGRESSION)) {
                    for (String weights : List.of("uniform", "distance")) {
                        for (int k : new int[] {5, 1, 40}) {
                            TrainingSet train = MemberChecks.data(task, 300, columns, style, 41 + k);
                            rows += check(train, Map.of("n_neighbors", k, "weights", weights),
                                    MemberChecks.queries(train, 200, style, MemberChecks.Missing.CELLS_AND_ROWS, 42));
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(72 * 200);
    }

    @Test
    void breaksTiesAsTheEngineDoes() {
        // Two or three features in {0, 1, 2}: 9 or 27 places for 400 rows, so nearly every query ties at its k-th
        // distance, and which of the tied rows vote depends on the tie rule (the lower row index).
        for (int columns : new int[] {2, 3, 11}) {
            for (Task task : List.of(FIVE_CLASSES, REGRESSION)) {
                for (String weights : List.of("uniform", "distance")) {
                    for (int k : new int[] {2, 7, 30}) {
                        TrainingSet train = MemberChecks.data(task, 400, columns, MemberChecks.Style.GRID, 51);
                        FeatureMatrix queries = MemberChecks.queries(train, 200, MemberChecks.Style.GRID, MemberChecks.Missing.CELLS, 52);
                        check(train, Map.of("n_neighbors", k, "weights", weights), queries);
                    }
                }
            }
        }
    }

    @Test
    void predictsTheEnginesBitsWithFewTrainingRows() {
        for (int rows : new int[] {1, 2, 3, 6}) {
            for (Task task : List.of(BINARY, MULTICLASS, REGRESSION)) {
                for (String weights : List.of("uniform", "distance")) {
                    TrainingSet train = MemberChecks.data(task, rows, 4, MemberChecks.Style.GAUSSIAN, 61 + rows);
                    check(train, Map.of("n_neighbors", 5, "weights", weights),
                            MemberChecks.queries(train, 200, MemberChecks.Style.GAUSSIAN, MemberChecks.Missing.NONE, 62));
                }
            }
        }
    }

    @Test
    void queriesAtNoFiniteDistanceGetTheEnginesBits() {
        // An infinite feature puts every row at an infinite distance, only NaN features at NaN: the first k rows vote
        // uniformly, where Smile's search used to fail.
        for (int columns : new int[] {4, 12}) {
            for (Task task : List.of(BINARY, REGRESSION)) {
                for (String weights : List.of("uniform", "distance")) {
                    TrainingSet train = MemberChecks.data(task, 50, columns, MemberChecks.Style.GAUSSIAN, 71);
                    float[] x = new float[5 * columns];
                    Arrays.fill(x, 0, columns, Float.NaN);
                    x[columns + 1] = Float.POSITIVE_INFINITY;
                    x[2 * columns] = Float.NEGATIVE_INFINITY;
                    x[2 * columns + 1] = Float.NaN;
                    x[3 * columns] = Float.NaN;   // one NaN: measured over the other features
                    Arrays.fill(x, 4 * columns, 5 * columns, 1e30f);   // finite, far from every row
                    check(train, Map.of("n_neighbors", 5, "weights", weights), FeatureMatrix.of(x, 5, train.features().names()));
                }
            }
        }
    }

    @Test
    void theSearchIsTheEnginesCode() throws IOException {
        // The twins differ in their package and the comment that points to the other; the code below must match.
        List<String> engine = Files.readAllLines(Path.of("../learners-smile/src/main/java/automl4j/learners/smile/NearestRows.java"));
        List<String> ours = Files.readAllLines(Path.of("src/main/java/automl4j/scoring/NearestRows.java"));
        assertThat(ours.subList(6, ours.size())).isEqualTo(engine.subList(6, engine.size()));
        assertThat(ours.get(5)).contains("Keep the two in step");
    }

    @Test
    void damagedPayloadsAreRefusedWithTheEnginesMessage() {
        TrainingSet train = MemberChecks.data(MULTICLASS, 20, 3, MemberChecks.Style.GAUSSIAN, 5);
        ModelArtifact good = MemberChecks.fit(LEARNER, train, Map.of()).export();
        byte[] payload = good.payload();
        refused(train, MemberChecks.withPayload(good, Arrays.copyOf(payload, payload.length - 1)));
        refused(train, MemberChecks.withPayload(good, Arrays.copyOf(payload, payload.length + 8)));
        refused(train, MemberChecks.withPayload(good, changed(payload, b -> b.putFloat(4 * 7, Float.NaN))));
        refused(train, MemberChecks.withPayload(good, changed(payload, b -> b.putDouble(4 * 60 + 8 * 3, 3))));
        refused(train, MemberChecks.withPayload(good, changed(payload, b -> b.putDouble(4 * 60 + 8 * 3, 0.5))));
        refused(train, MemberChecks.withProperties(good, Map.of("weights", "cosine")));
        refused(train, MemberChecks.withProperties(good, Map.of("rows", "twenty")));
        refused(train, MemberChecks.withProperties(good, Map.of("rows", "0")));
        refused(train, MemberChecks.withProperties(good, Map.of("n_neighbors", "0")));
        refused(train, new ModelArtifact(good.learnerId(), "automl4j-linear-json", good.properties(), payload));
        // The engine notices a featurizer of another width only when it predicts; scoring refuses it at once.
        assertThatThrownBy(() -> SmileKnnMember.load(MemberChecks.payload(good, train.target(), List.of("f0", "f1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smile-knn was fitted on 3 features, but got 2");
    }

    private static int check(TrainingSet train, Map<String, Object> overrides, FeatureMatrix queries) {
        ModelArtifact artifact = MemberChecks.fit(LEARNER, train, overrides).export();
        MemberModel member = SmileKnnMember.load(MemberChecks.payload(artifact, train.target(), train.features().names()));
        return MemberChecks.assertSameBits(LEARNER.load(artifact), member, queries);
    }

    private static byte[] changed(byte[] payload, java.util.function.Consumer<ByteBuffer> change) {
        byte[] copy = payload.clone();
        change.accept(ByteBuffer.wrap(copy));
        return copy;
    }

    private static void refused(TrainingSet train, ModelArtifact artifact) {
        MemberChecks.assertRefusedLikeEngine(LEARNER, artifact, train.target(), train.features().names(), SmileKnnMember::load);
    }
}
