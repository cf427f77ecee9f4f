package automl4j.learners.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.LearnerContract;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.junit.jupiter.api.Test;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.ModelProto;

/**
 * The Java-serialized LIBLINEAR models inside a {@code tribuo-liblinear} payload may hold a LIBLINEAR model and nothing
 * else: Tribuo would read them with a plain {@link ObjectInputStream}, running the {@code readObject} of any class
 * they name.
 */
class TribuoSerializedModelsTest {
    private static final TribuoLibLinearLearner LEARNER = new TribuoLibLinearLearner();

    @Test
    void anEmbeddedModelHoldingAnotherClassIsRefusedBeforeItIsRead() throws Exception {
        ModelArtifact a = fit(LearnerContract.BINARY);
        byte[] bait = serialize(new SerializedBait());
        ModelArtifact crafted = withModel(a, bait);
        assertThatThrownBy(() -> LEARNER.load(crafted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the Tribuo payload's LIBLINEAR model at model.serialized_data.models[0] is not one "
                        + "AutoML4J writes: java.io.InvalidClassException: filter status: REJECTED");
        assertThat(SerializedBait.read).as("the bait's readObject did not run").isFalse();

        // The bait is real: read without the filter, as Tribuo would, its readObject runs.
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bait))) {
            in.readObject();
            assertThat(SerializedBait.read).isTrue();
        } finally {
            SerializedBait.read = false;
        }
    }

    @Test
    void anEmbeddedModelThatIsOnlyAnAllowedPartIsRefused() throws Exception {
        ModelArtifact crafted = withModel(fit(LearnerContract.BINARY), serialize(new int[] {1, 2}));
        assertThatThrownBy(() -> LEARNER.load(crafted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models[0] holds [I, not a LIBLINEAR model");
    }

    @Test
    void anEmbeddedArrayLongerThanATensorMayBeIsRefused() throws Exception {
        // The stream declares the length before its elements: a few bytes could ask for gigabytes.
        byte[] small = serialize(new double[] {1.0});
        byte[] huge = small.clone();
        int at = small.length - 8 - 4;   // the int length just before the one double
        java.nio.ByteBuffer.wrap(huge).putInt(at, Integer.MAX_VALUE);
        ModelArtifact crafted = withModel(fit(LearnerContract.BINARY), huge);
        assertThatThrownBy(() -> LEARNER.load(crafted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter status: REJECTED");
    }

    @Test
    void realLibLinearModelsStillLoadAndPredictAsFitted() {
        for (Task task : LearnerContract.ALL) {
            TrainingSet data = LearnerContract.data(task, 150, 4);
            FittedModel fitted = LEARNER.fit(data, LEARNER.defaultConfig(task), FitContext.of(1, 1));
            FittedModel loaded = LEARNER.load(fitted.export());
            assertThat(LearnerContract.flatten(loaded.predict(data.features())))
                    .as(task.label()).isEqualTo(LearnerContract.flatten(fitted.predict(data.features())));
        }
    }

    private static ModelArtifact fit(Task task) {
        return LEARNER.fit(LearnerContract.data(task, 120, 3), LEARNER.defaultConfig(task), FitContext.of(1, 1)).export();
    }

    /** {@code a} with its first embedded LIBLINEAR model's bytes replaced by {@code model}. */
    private static ModelArtifact withModel(ModelArtifact a, byte[] model) throws IOException {
        ModelProto proto = ModelProto.parseFrom(a.payload());
        LibLinearModelProto inner = proto.getSerializedData().unpack(LibLinearModelProto.class);
        byte[] payload = proto.toBuilder().setSerializedData(Any.pack(inner.toBuilder()
                .setModels(0, ByteString.copyFrom(model)).build())).build().toByteArray();
        return new ModelArtifact(a.learnerId(), a.format(), a.properties(), payload);
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    /** A serializable class whose reading a payload must not trigger. */
    static final class SerializedBait implements Serializable {
        private static final long serialVersionUID = 1L;
        static boolean read;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            read = true;
        }
    }
}
