package automl4j.learners.tribuo;

import automl4j.learners.LearnerContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.tribuo.protos.core.ModelProto;

/** Tensors and trees inside a Tribuo payload are checked before Tribuo allocates or walks them. */
class TribuoShapesTest {
    @Test
    void aTensorWhoseDeclaredShapeOverflowsIsRefused() throws Exception {
        ModelArtifact a = fit(new TribuoLinearSgdLearner());
        // 65536 x 65537 overflows int to 65536: Tribuo's own check would pass and allocate 34 GB.
        byte[] crafted = rewrite(a.payload(), "DenseTensorProto", m -> m.toBuilder()
                .clearField(field(m, "dimensions")).addRepeatedField(field(m, "dimensions"), 65536)
                .addRepeatedField(field(m, "dimensions"), 65537).build());
        assertThatThrownBy(() -> TribuoModel.load(withPayload(a, crafted))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares more than " + TribuoShapes.MAX_ELEMENTS + " elements");
    }

    @Test
    void aTreeNodePointingBackIsRefused() throws Exception {
        ModelArtifact a = fit(new TribuoExtraTreesLearner());
        byte[] crafted = rewrite(a.payload(), "SplitNodeProto", m -> m.toBuilder()
                .setField(field(m, "greater_than_idx"), m.getField(field(m, "cur_idx"))).build());
        assertThatThrownBy(() -> TribuoModel.load(withPayload(a, crafted))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void realModelsPassTheChecks() {
        for (Learner l : List.<Learner>of(new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner())) {
            assertThat(TribuoModel.load(fit(l))).isNotNull();
        }
    }

    private static ModelArtifact fit(Learner learner) {
        SplittableRandom r = new SplittableRandom(5);
        int rows = 120;
        float[] x = new float[rows * 2];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = (float) r.nextGaussian();
            y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
        }
        TrainingSet data = new TrainingSet(FeatureMatrix.of(x, rows, List.of("a", "b")), Labels.of(y),
                new Target("y", new Classification(List.of("no", "yes"))));
        return learner.fit(data, learner.defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1)).export();
    }

    private static ModelArtifact withPayload(ModelArtifact a, byte[] payload) {
        return new ModelArtifact(a.learnerId(), a.format(), a.properties(), payload);
    }

    private static FieldDescriptor field(Message m, String name) {
        return m.getDescriptorForType().findFieldByName(name);
    }

    /** The payload with the first message of type {@code typeName} (Anys unpacked and repacked) changed by {@code change}. */
    private static byte[] rewrite(byte[] payload, String typeName, UnaryOperator<Message> change) throws Exception {
        boolean[] done = {false};
        Message out = rewrite(ModelProto.parseFrom(payload), typeName, change, done);
        assertThat(done[0]).as("found a " + typeName).isTrue();
        return out.toByteArray();
    }

    private static Message rewrite(Message m, String typeName, UnaryOperator<Message> change, boolean[] done) throws Exception {
        if (!done[0] && m.getDescriptorForType().getName().equals(typeName)) {
            done[0] = true;
            return change.apply(m);
        }
        Message.Builder b = m.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Object v : f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue())) {
                values.add(rewriteOne((Message) v, typeName, change, done));
            }
            b.clearField(f);
            for (Object v : values) {
                if (f.isRepeated()) {
                    b.addRepeatedField(f, v);
                } else {
                    b.setField(f, v);
                }
            }
        }
        return b.build();
    }

    private static Message rewriteOne(Message m, String typeName, UnaryOperator<Message> change, boolean[] done) throws Exception {
        if (!m.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
            return rewrite(m, typeName, change, done);
        }
        Any any = Any.parseFrom(m.toByteString());
        String type = any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1);
        com.google.protobuf.Descriptors.Descriptor d = TribuoClassNames.type(type);
        Message inner = rewrite(DynamicMessage.parseFrom(d, any.getValue()), typeName, change, done);
        return Any.newBuilder().setTypeUrl(any.getTypeUrl()).setValue(inner.toByteString()).build();
    }
}
