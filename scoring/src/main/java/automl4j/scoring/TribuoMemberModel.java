package automl4j.scoring;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A member of a Tribuo learner ({@code tribuo-linear-sgd}, {@code tribuo-extra-trees}, {@code tribuo-liblinear}),
 * payload format {@code tribuo-protobuf}: the engine's {@code TribuoModel}, evaluated by the Tribuo runtime itself. The
 * payload is checked as the engine checks it (class names, tensor and tree shapes, the model's outputs against the
 * target), then each row becomes the example the engine's {@code TribuoData} makes of it and the prediction is read as
 * {@code TribuoModel.predict} reads it, so that the numbers are the engine's to the last bit.
 */
final class TribuoMemberModel implements MemberModel {
    static final String FORMAT = "tribuo-protobuf";
    static final Set<String> LEARNERS = Set.of("tribuo-linear-sgd", "tribuo-extra-trees", "tribuo-liblinear");
    private static final String SMOOTHING = "uniform_vote_smoothing_trees";
    private static final String REGRESSION = "regression";

    private final String learner;
    private final Model<Label> classifier;
    private final Model<Regressor> regressor;
    private final int classes;
    private final double mean;
    private final double std;
    private final int smoothingTrees;
    private final boolean sparse;
    private final String[] names;
    /** The model as plain arrays where it is a forest {@link TribuoForest} copies, else null. */
    private final TribuoForest forest;
    /** A classifier's class of each output id: its label, a class index. */
    private final int[] classOfId;

    private TribuoMemberModel(String learner, Model<Label> classifier, Model<Regressor> regressor, int classes, double mean, double std,
                              int smoothingTrees, boolean sparse, int columns, TribuoForest forest) {
        this.forest = forest;
        this.classOfId = new int[classifier == null ? 0 : classifier.getOutputIDInfo().size()];
        for (int i = 0; i < classOfId.length; i++) {
            classOfId[i] = Integer.parseInt(classifier.getOutputIDInfo().getOutput(i).getLabel());
        }
        this.learner = learner;
        this.classifier = classifier;
        this.regressor = regressor;
        this.classes = classes;
        this.mean = mean;
        this.std = std;
        this.smoothingTrees = smoothingTrees;
        this.sparse = sparse;
        this.names = TribuoFeatureNames.names(columns);
    }

    /** Whether this predicts from {@link TribuoForest}'s arrays (rows it reads), not through the Tribuo runtime. */
    boolean usesArrays() {
        return forest != null;
    }

    /**
     * Reads and checks {@code p}'s payload as the engine's {@code TribuoModel.load} does.
     *
     * @throws IllegalArgumentException naming the learner and what is wrong with the payload or its properties
     */
    static MemberModel load(MemberPayload p) {
        String learner = p.learner();
        if (!LEARNERS.contains(learner)) {
            throw new IllegalArgumentException("learner '" + learner + "' is not one of AutoML4J's Tribuo learners "
                    + LEARNERS.stream().sorted().toList());
        }
        if (!p.member().payloadFormat().equals(FORMAT)) {
            throw new IllegalArgumentException(learner + " cannot read payload format '" + p.member().payloadFormat() + "'");
        }
        Map<String, String> props = p.member().properties();
        double mean = finiteProperty(learner, props, "target_mean");
        double std = finiteProperty(learner, props, "target_std");
        if (Double.isNaN(mean) || !(std > 0)) {
            throw new IllegalArgumentException(learner + " needs properties 'target_mean' and 'target_std' > 0");
        }
        int smoothing = intProperty(learner, props, SMOOTHING, 0, 1 << 20);
        ModelProto proto = parse(learner, p.payload());
        Model<?> model = deserialize(learner, proto);
        boolean regression = p.target().task().equals(REGRESSION);
        int classes = p.target().classes().size();
        int columns = p.featureNames().size();
        checkOutputs(learner, model, p.target().task(), classes);
        TribuoFeatureNames.check(learner, model.getFeatureIDMap(), columns);
        // Only after every check above, as the engine's load: the arrays copy a model Tribuo has read and accepted.
        TribuoForest forest = TribuoForest.of(model, proto, !regression, columns);
        return regression
                ? new TribuoMemberModel(learner, null, model.castModel(Regressor.class), 0, mean, std, smoothing, p.sparseFeatures(),
                        columns, forest)
                : new TribuoMemberModel(learner, model.castModel(Label.class), null, classes, mean, std, smoothing, p.sparseFeatures(),
                        columns, forest);
    }

    /** The engine's {@code TribuoModel.predict} of one row, to the last bit. */
    @Override
    public double[] predict(float[] features) {
        if (features.length != names.length) {
            throw new IllegalArgumentException(learner + " reads rows of " + names.length + " features, but was given "
                    + features.length);
        }
        if (forest != null && forest.reads(features, sparse)) {
            double[] p = fromForest(forest.predict(features));
            if (p != null) {
                return p;
            }
        }
        if (regressor != null) {
            Prediction<Regressor> pred = regressor.predict(example(RegressionFactory.UNKNOWN_REGRESSOR, features));
            return new double[] {pred.getOutput().getValues()[0] * std + mean};
        }
        Prediction<Label> pred = classifier.predict(example(LabelFactory.UNKNOWN_LABEL, features));
        // As the engine: negative scores count as 0, the scores are normalized in the map's order, a row without a
        // positive score gets its predicted class, and a vote of trees gets one more, uniform, vote. Where Tribuo
        // predicts no class (LIBLINEAR's scores of a row with a NaN cell are NaN), the engine fails on a null; this
        // says why instead.
        double[] p = new double[classes];
        double sum = 0;
        for (Map.Entry<String, Label> e : pred.getOutputScores().entrySet()) {
            int c = Integer.parseInt(e.getKey());
            double s = Math.max(0, e.getValue().getScore());
            p[c] = s;
            sum += s;
        }
        if (sum > 0) {
            for (int c = 0; c < classes; c++) {
                p[c] /= sum;
            }
        } else if (pred.getOutput() != null) {
            p[Integer.parseInt(pred.getOutput().getLabel())] = 1;
        } else {
            throw new IllegalArgumentException(learner + " predicts no class for this row: its class scores are "
                    + pred.getOutputScores().values().stream().map(Label::getScore).toList()
                    + (hasNaN(features) ? " (it has a NaN cell)" : ""));
        }
        return smoothed(p);
    }

    /**
     * The engine's reading of the forest's output, as {@link #predict(float[])} reads Tribuo's: the value in target
     * units, or the class scores (in output id order, the order of the combiner's score map) normalized and smoothed.
     * Null where the engine would fall back to the predicted class (no positive score): Tribuo then predicts the row.
     */
    private double[] fromForest(double[] out) {
        if (regressor != null) {
            return new double[] {out[0] * std + mean};
        }
        double[] p = new double[classes];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double s = Math.max(0, out[i]);
            p[classOfId[i]] = s;
            sum += s;
        }
        if (!(sum > 0)) {
            return null;
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        return smoothed(p);
    }

    /** As the engine's {@code VoteSmoothing}: a vote of trees gets one more, uniform, vote. */
    private double[] smoothed(double[] p) {
        if (smoothingTrees > 0) {
            double uniform = 1.0 / p.length;
            for (int k = 0; k < p.length; k++) {
                p[k] = (p[k] * smoothingTrees + uniform) / (smoothingTrees + 1);
            }
        }
        return p;
    }

    private static boolean hasNaN(float[] row) {
        for (float v : row) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The engine's example of one row: every cell of a dense row; only the cells that are not 0 of a sparse one, since
     * the engine's sparse matrix passes only its stored cells (Tribuo reads an absent feature as zero).
     */
    private <T extends Output<T>> Example<T> example(T output, float[] row) {
        if (!sparse) {
            double[] v = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                v[i] = row[i];
            }
            return new ArrayExample<>(output, names, v);
        }
        int stored = 0;
        for (float v : row) {
            if (v != 0f) {
                stored++;
            }
        }
        String[] n = new String[stored];
        double[] v = new double[stored];
        int k = 0;
        for (int c = 0; c < row.length; c++) {
            if (row[c] != 0f) {
                n[k] = names[c];
                v[k++] = row[c];
            }
        }
        return new ArrayExample<>(output, n, v);
    }

    private static ModelProto parse(String learner, byte[] payload) {
        try {
            return ModelProto.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot read Tribuo model of " + learner + ": " + e.getMessage(), e);
        }
    }

    private static Model<?> deserialize(String learner, ModelProto proto) {
        try {
            TribuoClassNames.check(proto);        // before Tribuo calls Class.forName on any name in it
            TribuoShapes.check(proto);            // before Tribuo allocates tensors or builds trees from it
            TribuoSerializedModels.check(proto);  // before Tribuo reads Java-serialized LIBLINEAR models in it
            return Model.deserialize(proto);
        } catch (RuntimeException e) {
            // Tribuo's own checks of a damaged model throw runtime exceptions of several kinds; all say the payload is bad.
            throw new IllegalArgumentException("cannot read Tribuo model of " + learner + ": " + e.getMessage(), e);
        }
    }

    /** As the engine: the model's outputs are class indices below the class count, or one regressor of one dimension. */
    private static void checkOutputs(String learner, Model<?> model, String task, int classes) {
        Set<? extends Output<?>> domain = model.getOutputIDInfo().getDomain();
        boolean classifier = domain.stream().allMatch(o -> o instanceof Label);
        boolean regressor = domain.stream().allMatch(o -> o instanceof Regressor);
        if (!task.equals(REGRESSION)) {
            if (!classifier) {
                throw new IllegalArgumentException(learner + " payload is not a classifier, but its target is " + task);
            }
            for (Output<?> o : domain) {
                String label = ((Label) o).getLabel();
                if (!label.matches("\\d{1,9}") || Integer.parseInt(label) >= classes) {
                    throw new IllegalArgumentException(learner + " payload has output '" + label + "', but its target has "
                            + classes + " classes");
                }
            }
        } else if (!regressor || model.getOutputIDInfo().size() != 1 || ((Regressor) domain.iterator().next()).size() != 1) {
            throw new IllegalArgumentException(learner + " payload is not a one-dimensional regressor");
        }
    }

    /** The engine's {@code ModelArtifact.finiteProperty}, NaN when absent. */
    private static double finiteProperty(String learner, Map<String, String> props, String key) {
        String v = props.get(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("model artifact of '" + learner + "' property '" + key + "' must be a finite number, "
                + "but was '" + shorten(v) + "'");
    }

    /** The engine's {@code ModelArtifact.intProperty} with fallback 0 when absent. */
    private static int intProperty(String learner, Map<String, String> props, String key, int min, int max) {
        String v = props.get(key);
        if (v == null) {
            return 0;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("model artifact of '" + learner + "' property '" + key + "' must be an integer in ["
                + min + ", " + max + "], but was '" + shorten(v) + "'");
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
