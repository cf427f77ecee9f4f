package automl4j.scoring;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The class names inside a Tribuo protobuf payload, checked against the classes AutoML4J writes before Tribuo sees
 * them: a port of the engine's check of the same name ({@code automl4j.learners.tribuo.TribuoClassNames}), with the
 * same allow-list (a test keeps the two equal) and the same messages. Tribuo's deserializer calls {@code Class.forName}
 * (which initializes the class) on the {@code class_name} of the model and of every nested redirect message (feature
 * and output domains, variable infos, outputs, tensors, tree nodes), and OLCUT's provenance reader does the same for
 * every {@code provenance_class_name} and for the enum class of an enum provenance ({@code additional}); so the whole
 * message is walked, every {@code Any} unpacked by its type, and a file that names any other class, or packs a message
 * type Tribuo does not define, is refused.
 */
final class TribuoClassNames {
    private static final Map<String, Descriptor> TYPES = types(List.of(
            org.tribuo.protos.core.TribuoCore.getDescriptor(), org.tribuo.protos.core.TribuoCoreImpl.getDescriptor(),
            org.tribuo.math.protos.TribuoMath.getDescriptor(), org.tribuo.math.protos.TribuoMathImpl.getDescriptor(),
            org.tribuo.common.sgd.protos.TribuoSgd.getDescriptor(), org.tribuo.common.tree.protos.TribuoTree.getDescriptor(),
            org.tribuo.classification.protos.TribuoClassificationCore.getDescriptor(),
            org.tribuo.classification.sgd.protos.TribuoClassificationSgd.getDescriptor(),
            org.tribuo.regression.protos.TribuoRegressionCore.getDescriptor(),
            org.tribuo.regression.sgd.protos.TribuoRegressionSgd.getDescriptor(),
            org.tribuo.regression.rtree.protos.TribuoRegressionTree.getDescriptor(),
            org.tribuo.common.liblinear.protos.TribuoLiblinear.getDescriptor()));
    private static final String ENUM_PROVENANCE = "com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance";

    /** Every class a model written by AutoML4J's Tribuo learners names (the engine's list; see TribuoMemberModelTest). */
    static final Set<String> ALLOWED = Set.of(
            "com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.CharProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.FloatProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance",
            "com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance",
            "org.tribuo.CategoricalIDInfo",
            "org.tribuo.CategoricalInfo",
            "org.tribuo.DataSource",
            "org.tribuo.ImmutableFeatureMap",
            "org.tribuo.MutableDataset",
            "org.tribuo.RealIDInfo",
            "org.tribuo.RealInfo",
            "org.tribuo.classification.ImmutableLabelInfo",
            "org.tribuo.classification.Label",
            "org.tribuo.classification.LabelFactory",
            "org.tribuo.classification.LabelFactory$LabelFactoryProvenance",
            "org.tribuo.classification.dtree.CARTClassificationTrainer",
            "org.tribuo.classification.dtree.impurity.GiniIndex",
            "org.tribuo.classification.ensemble.FullyWeightedVotingCombiner",
            "org.tribuo.classification.liblinear.LibLinearClassificationModel",
            "org.tribuo.classification.liblinear.LibLinearClassificationTrainer",
            "org.tribuo.classification.liblinear.LinearClassificationType",
            "org.tribuo.classification.liblinear.LinearClassificationType$LinearType",
            "org.tribuo.classification.sgd.linear.LinearSGDModel",
            "org.tribuo.classification.sgd.linear.LinearSGDTrainer",
            "org.tribuo.classification.sgd.objectives.LogMulticlass",
            "org.tribuo.common.liblinear.LibLinearModel",
            "org.tribuo.common.tree.ExtraTreesTrainer",
            "org.tribuo.common.tree.LeafNode",
            "org.tribuo.common.tree.SplitNode",
            "org.tribuo.common.tree.TreeModel",
            "org.tribuo.dataset.DatasetView",
            "org.tribuo.dataset.DatasetView$DatasetViewProvenance",
            "org.tribuo.ensemble.WeightedEnsembleModel",
            "org.tribuo.math.LinearParameters",
            "org.tribuo.math.la.DenseMatrix",
            "org.tribuo.math.optimisers.AdaGrad",
            "org.tribuo.math.util.ExpNormalizer",
            "org.tribuo.provenance.DatasetProvenance",
            "org.tribuo.provenance.EnsembleModelProvenance",
            "org.tribuo.provenance.ModelProvenance",
            "org.tribuo.provenance.SimpleDataSourceProvenance",
            "org.tribuo.provenance.impl.TrainerProvenanceImpl",
            "org.tribuo.regression.ImmutableRegressionInfo",
            "org.tribuo.regression.RegressionFactory",
            "org.tribuo.regression.RegressionFactory$RegressionFactoryProvenance",
            "org.tribuo.regression.Regressor",
            "org.tribuo.regression.Regressor$DimensionTuple",
            "org.tribuo.regression.ensemble.AveragingCombiner",
            "org.tribuo.regression.liblinear.LibLinearRegressionModel",
            "org.tribuo.regression.liblinear.LibLinearRegressionTrainer",
            "org.tribuo.regression.liblinear.LinearRegressionType",
            "org.tribuo.regression.liblinear.LinearRegressionType$LinearType",
            "org.tribuo.regression.rtree.CARTRegressionTrainer",
            "org.tribuo.regression.rtree.IndependentRegressionTreeModel",
            "org.tribuo.regression.rtree.impurity.MeanSquaredError",
            "org.tribuo.regression.sgd.linear.LinearSGDModel",
            "org.tribuo.regression.sgd.linear.LinearSGDTrainer",
            "org.tribuo.regression.sgd.objectives.SquaredLoss");

    private TribuoClassNames() {
    }

    /**
     * Refuses {@code message} if it names a class outside {@link #ALLOWED} where Tribuo or OLCUT would load it.
     *
     * @throws IllegalArgumentException naming the field and the class
     */
    static void check(Message message) {
        visit(message, "model", (field, name) -> {
            if (!ALLOWED.contains(name)) {
                throw new IllegalArgumentException("the Tribuo payload names class '" + shorten(name) + "' in " + field
                        + ", which is not one AutoML4J writes");
            }
        });
    }

    /** Calls {@code sink} with (field path, class name) for every class name in {@code message}. */
    static void visit(Message message, String path, BiConsumer<String, String> sink) {
        walk(message, path, (where, m) -> {
            boolean enumProvenance = false;
            for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
                if (e.getKey().getName().equals("provenance_class_name") && ENUM_PROVENANCE.equals(e.getValue())) {
                    enumProvenance = true;
                }
            }
            for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
                String name = e.getKey().getName();
                if (e.getValue() instanceof String s && (name.endsWith("class_name") || (enumProvenance && name.equals("additional")))) {
                    sink.accept(where + "." + name, s);
                }
            }
        });
    }

    /** Calls {@code visitor} with (path, message) for {@code message} and every message inside it, {@code Any}s unpacked. */
    static void walk(Message message, String path, BiConsumer<String, Message> visitor) {
        visitor.accept(path, message);
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String where = path + "." + f.getName();
            List<?> values = f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
            for (Object v : values) {
                Message m = (Message) v;
                walk(m.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName()) ? unpack(m, where) : m,
                        where, visitor);
            }
        }
    }

    /** A tree node's split or leaf message, unpacked from its {@code serialized_data}. */
    static Message unpackNode(Message node, String where) {
        FieldDescriptor f = node.getDescriptorForType().findFieldByName("serialized_data");
        if (f == null || !node.hasField(f)) {
            throw new IllegalArgumentException("the Tribuo payload's tree at " + where + " has a node without data");
        }
        return unpack((Message) node.getField(f), where);
    }

    private static Message unpack(Message any, String where) {
        String url = "";
        com.google.protobuf.ByteString value = com.google.protobuf.ByteString.EMPTY;
        for (Map.Entry<FieldDescriptor, Object> e : any.getAllFields().entrySet()) {
            if (e.getKey().getName().equals("type_url")) {
                url = (String) e.getValue();
            } else if (e.getKey().getName().equals("value")) {
                value = (com.google.protobuf.ByteString) e.getValue();
            }
        }
        Descriptor type = TYPES.get(url.substring(url.lastIndexOf('/') + 1));
        if (type == null) {
            throw new IllegalArgumentException("the Tribuo payload packs message type '" + shorten(url) + "' in " + where
                    + ", which Tribuo does not define");
        }
        try {
            return DynamicMessage.parseFrom(type, value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the Tribuo payload's " + where + " is not a valid " + type.getFullName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Descriptor> types(List<FileDescriptor> files) {
        Map<String, Descriptor> out = new HashMap<>();
        for (FileDescriptor f : files) {
            f.getMessageTypes().forEach(d -> add(d, out));
        }
        return Map.copyOf(out);
    }

    private static void add(Descriptor d, Map<String, Descriptor> out) {
        out.put(d.getFullName(), d);
        d.getNestedTypes().forEach(n -> add(n, out));
    }

    private static String shorten(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 120 ? p.substring(0, 120) + "..." : p;
    }
}
