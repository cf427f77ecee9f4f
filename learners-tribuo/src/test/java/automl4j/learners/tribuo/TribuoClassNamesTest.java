package automl4j.learners.tribuo;

import automl4j.data.Task;
import automl4j.learners.LearnerContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Target;
import automl4j.data.Tasks;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tribuo.protos.core.ModelProto;

/** A Tribuo payload may name only the classes AutoML4J's Tribuo learners write, and Tribuo sees none other. */
class TribuoClassNamesTest {
    @Test
    void everyClassOurTribuoModelsNameIsAllowed() {
        Set<String> named = new TreeSet<>();
        List<ModelArtifact> written = new java.util.ArrayList<>();
        for (Learner learner : List.<Learner>of(new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner(), new TribuoLibLinearLearner())) {
            for (Task task : LearnerContract.ALL) {
                ModelArtifact a = learner.fit(data(task), learner.defaultConfig(task), FitContext.of(1, 1)).export();
                TribuoClassNames.visit(proto(a.payload()), "model", (field, name) -> named.add(name));
                written.add(a);
            }
        }
        assertThat(TribuoClassNames.ALLOWED).containsAll(named);
        for (ModelArtifact a : written) {
            assertThat(TribuoModel.load(a)).isNotNull();
        }
    }

    @Test
    void aPayloadNamingAnotherClassIsRefusedBeforeTheClassIsInitialized() {
        ModelArtifact a = new TribuoLinearSgdLearner().fit(data(LearnerContract.BINARY), new TribuoLinearSgdLearner()
                .defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1)).export();
        String bait = "automl4j.learners.tribuo.InitializationFlag";
        ModelProto crafted = proto(a.payload()).toBuilder().setClassName(bait).build();
        assertThatThrownBy(() -> new TribuoLinearSgdLearner().load(withPayload(a, crafted.toByteArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names class '" + bait + "' in model.class_name, which is not one AutoML4J writes");
        assertThat(System.getProperty(InitializationFlag.PROPERTY)).isNull();
    }

    @Test
    void aNestedClassNameIsCheckedToo() {
        ModelArtifact a = new TribuoLinearSgdLearner().fit(data(LearnerContract.BINARY), new TribuoLinearSgdLearner()
                .defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1)).export();
        byte[] payload = a.payload();
        byte[] from = "org.tribuo.ImmutableFeatureMap".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String bait = "automl4j.learners.tribuo.Baits";   // same length: the protobuf stays well formed
        assertThat(bait).hasSize(from.length);
        byte[] crafted = replace(payload, from, bait.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new TribuoLinearSgdLearner().load(withPayload(a, crafted)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names class '" + bait + "'");
        assertThat(System.getProperty(InitializationFlag.PROPERTY)).isNull();
    }

    @Test
    void anUnknownPackedMessageTypeIsRefused() {
        ModelArtifact a = new TribuoLinearSgdLearner().fit(data(LearnerContract.BINARY), new TribuoLinearSgdLearner()
                .defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1)).export();
        ModelProto crafted = proto(a.payload()).toBuilder().setSerializedData(Any.newBuilder()
                .setTypeUrl("type.googleapis.com/evil.Payload").setValue(ByteString.copyFromUtf8("x"))).build();
        assertThatThrownBy(() -> new TribuoLinearSgdLearner().load(withPayload(a, crafted.toByteArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packs message type 'type.googleapis.com/evil.Payload'");
    }

    private static ModelArtifact withPayload(ModelArtifact a, byte[] payload) {
        return new ModelArtifact(a.learnerId(), a.format(), a.properties(), payload);
    }

    private static byte[] replace(byte[] data, byte[] from, byte[] to) {
        byte[] out = data.clone();
        for (int i = 0; i + from.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, out, i, to.length);
                return out;
            }
        }
        throw new AssertionError("not found");
    }

    private static ModelProto proto(byte[] payload) {
        try {
            return ModelProto.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static TrainingSet data(Task task) {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 150;
        float[] x = new float[rows * 3];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 3; c++) {
                x[i * 3 + c] = (float) r.nextGaussian();
            }
            double s = x[i * 3] + 0.5 * x[i * 3 + 1];
            y[i] = switch (task.label()) {
                case Tasks.BINARY -> s > 0 ? 1 : 0;
                case Tasks.MULTICLASS -> s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
                default -> 3 * s + 10;
            };
        }
        List<String> classes = switch (task.label()) {
            case Tasks.BINARY -> List.of("no", "yes");
            case Tasks.MULTICLASS -> List.of("a", "b", "c");
            default -> List.of();
        };
        return new TrainingSet(FeatureMatrix.of(x, rows, List.of("a", "b", "c")), Labels.of(y), new Target("y", Tasks.of(task.label(), classes)));
    }
}
