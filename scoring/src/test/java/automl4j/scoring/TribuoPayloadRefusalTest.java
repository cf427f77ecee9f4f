package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.tribuo.TribuoLibLinearLearner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.ModelProto;

/** Tribuo payloads that the engine would not write, refused at load with a message naming the learner and the fault. */
class TribuoPayloadRefusalTest {
    private static ModelArtifact fitted(Learner learner, Task task) {
        FeatureMatrix x = TribuoMemberModelTest.matrix(120, 5, false, false);
        TrainingSet train = new TrainingSet(x, TribuoMemberModelTest.labels(task, x, 5), new Target("y", task));
        return learner.fit(train, learner.defaultConfig(task), FitContext.of(1, 1)).export();
    }

    private static List<String> names(int columns) {
        return java.util.stream.IntStream.range(0, columns).mapToObj(c -> "x" + c).toList();
    }

    private static MemberPayload payload(ModelArtifact a, byte[] bytes) {
        return TribuoMemberModelTest.payload(a.learnerId(), a.format(), a.properties(), bytes,
                names(TribuoMemberModelTest.COLUMNS), false);
    }

    private static MemberPayload withProperties(ModelArtifact a, Map<String, String> changes) {
        Map<String, String> props = new TreeMap<>(a.properties());
        changes.forEach((k, v) -> {
            if (v == null) {
                props.remove(k);
            } else {
                props.put(k, v);
            }
        });
        return TribuoMemberModelTest.payload(a.learnerId(), a.format(), props, a.payload(), names(TribuoMemberModelTest.COLUMNS), false);
    }

    @Test
    void theAllowListIsTheEngines() throws ReflectiveOperationException {
        Field engine = Class.forName("automl4j.learners.tribuo.TribuoClassNames").getDeclaredField("ALLOWED");
        engine.setAccessible(true);
        assertThat(TribuoClassNames.ALLOWED).isEqualTo((Set<?>) engine.get(null));
        Field shapes = Class.forName("automl4j.learners.tribuo.TribuoShapes").getDeclaredField("MAX_ELEMENTS");
        shapes.setAccessible(true);
        assertThat(TribuoShapes.MAX_ELEMENTS).isEqualTo(shapes.getLong(null));
    }

    @Test
    void aDamagedPayloadIsRefused() {
        ModelArtifact a = fitted(new TribuoLinearSgdLearner(), TribuoMemberModelTest.BINARY);
        byte[] truncated = Arrays.copyOf(a.payload(), a.payload().length / 2);
        assertThatThrownBy(() -> TribuoMemberModel.load(payload(a, truncated))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Tribuo model of tribuo-linear-sgd: ");
        byte[] garbage = a.payload().clone();
        for (int i = 0; i < garbage.length; i += 7) {
            garbage[i] ^= (byte) 0x5a;
        }
        assertThatThrownBy(() -> TribuoMemberModel.load(payload(a, garbage))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Tribuo model of tribuo-linear-sgd: ");
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeTribuoLoadsIt() {
        ModelArtifact a = fitted(new TribuoLinearSgdLearner(), TribuoMemberModelTest.MULTICLASS);
        ModelProto proto = parse(a.payload());
        byte[] bait = proto.toBuilder().setClassName(Bait.class.getName()).build().toByteArray();
        assertThatThrownBy(() -> TribuoMemberModel.load(payload(a, bait))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read Tribuo model of tribuo-linear-sgd: the Tribuo payload names class '"
                        + Bait.class.getName() + "' in model.class_name, which is not one AutoML4J writes");
        assertThat(Flags.baitInitialized).as("the named class was not initialized").isFalse();
    }

    @Test
    void aJavaSerializedLibLinearModelHoldingAnotherClassIsRefusedBeforeTribuoReadsIt() throws IOException {
        ModelArtifact a = fitted(new TribuoLibLinearLearner(), TribuoMemberModelTest.BINARY);
        ModelProto proto = parse(a.payload());
        LibLinearModelProto inner = proto.getSerializedData().unpack(LibLinearModelProto.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new SerializedBait());
        }
        byte[] bait = proto.toBuilder().setSerializedData(Any.pack(inner.toBuilder().setModels(0, ByteString.copyFrom(bytes.toByteArray()))
                .build())).build().toByteArray();
        assertThatThrownBy(() -> TribuoMemberModel.load(payload(a, bait))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Tribuo model of tribuo-liblinear: the Tribuo payload's LIBLINEAR model at "
                        + "model.serialized_data.models[0] is not one AutoML4J writes: java.io.InvalidClassException: filter status: REJECTED");
        assertThat(SerializedBait.read).as("the serialized object was not read").isFalse();
    }

    @Test
    void propertiesAndTargetsThatDoNotFitAreRefused() {
        ModelArtifact a = fitted(new TribuoLinearSgdLearner(), TribuoMemberModelTest.MULTICLASS);
        assertThatThrownBy(() -> TribuoMemberModel.load(TribuoMemberModelTest.payload("tribuo-linear-sgd", "tribuo-json",
                a.properties(), a.payload(), names(TribuoMemberModelTest.COLUMNS), false)))
                .hasMessage("tribuo-linear-sgd cannot read payload format 'tribuo-json'");
        assertThatThrownBy(() -> TribuoMemberModel.load(TribuoMemberModelTest.payload("smile-logistic", a.format(),
                a.properties(), a.payload(), names(TribuoMemberModelTest.COLUMNS), false)))
                .hasMessage("learner 'smile-logistic' is not one of AutoML4J's Tribuo learners "
                        + "[tribuo-extra-trees, tribuo-liblinear, tribuo-linear-sgd]");
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, Map.of("target_std", "0"))))
                .hasMessage("tribuo-linear-sgd needs properties 'target_mean' and 'target_std' > 0");
        Map<String, String> noMean = new TreeMap<>();
        noMean.put("target_mean", null);
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, noMean)))
                .hasMessage("tribuo-linear-sgd needs properties 'target_mean' and 'target_std' > 0");
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, Map.of("target_mean", "Infinity"))))
                .hasMessage("model artifact of 'tribuo-linear-sgd' property 'target_mean' must be a finite number, but was 'Infinity'");
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, Map.of("uniform_vote_smoothing_trees", "-1"))))
                .hasMessage("model artifact of 'tribuo-linear-sgd' property 'uniform_vote_smoothing_trees' must be an integer in "
                        + "[0, 1048576], but was '-1'");
        // A four-class model under a binary target, a classifier under a regression target.
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, Map.of("task", "binary", "classes", "no\u001fyes"))))
                .hasMessageMatching("tribuo-linear-sgd payload has output '[23]', but its target has 2 classes");
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(a, Map.of("task", "regression", "classes", ""))))
                .hasMessage("tribuo-linear-sgd payload is not a one-dimensional regressor");
        ModelArtifact r = fitted(new TribuoLinearSgdLearner(), TribuoMemberModelTest.REGRESSION);
        assertThatThrownBy(() -> TribuoMemberModel.load(withProperties(r, Map.of("task", "binary", "classes", "no\u001fyes"))))
                .hasMessage("tribuo-linear-sgd payload is not a classifier, but its target is binary");
    }

    @Test
    void aModelOfMoreFeaturesThanItsFeaturizerGivesIsRefused() {
        ModelArtifact a = fitted(new TribuoLinearSgdLearner(), TribuoMemberModelTest.BINARY);
        assertThatThrownBy(() -> TribuoMemberModel.load(TribuoMemberModelTest.payload(a, names(5), false)))
                .hasMessageMatching("tribuo-linear-sgd payload reads feature 'f00000[5-8]', which is not one of the 5 features "
                        + "f000000\\.\\.\\. of its featurizer");
        MemberModel model = TribuoMemberModel.load(payload(a, a.payload()));
        assertThatThrownBy(() -> model.predict(new float[4])).hasMessage("tribuo-linear-sgd reads rows of 9 features, but was given 4");
    }

    private static ModelProto parse(byte[] payload) {
        try {
            return ModelProto.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** Set by the baits: kept apart from them, as reading a bait's own field would initialize it. */
    static final class Flags {
        static boolean baitInitialized;

        private Flags() {
        }
    }

    /** A class whose initialization a payload must not trigger. */
    static final class Bait {
        static {
            Flags.baitInitialized = true;
        }

        private Bait() {
        }
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
