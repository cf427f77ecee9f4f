package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.VoteSmoothing;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * A fitted Tribuo model of either task. Exported with Tribuo's protobuf format (never its Java serialization).
 * Regression models are trained on a standardized target; the mean and standard deviation travel with the model.
 * {@link #of} makes the subclass that computes exact SHAP values where the model allows it: tree ensembles
 * ({@link TribuoTreeModel}) and linear models whose margins are linear in the features ({@link TribuoLinearModel});
 * a plain instance is explained by sampling.
 */
sealed class TribuoModel implements FittedModel permits TribuoTreeModel, TribuoLinearModel {
    static final String FORMAT = "tribuo-protobuf";
    private static final String SMOOTHING = "uniform_vote_smoothing_trees";
    private final String learnerId;
    private final Model<?> model;
    private final Target target;
    private final double mean;
    private final double std;
    private final int smoothingTrees;

    /** A model of {@code model} that is not a vote of trees; see {@link #of(String, Model, Target, double, double, int)}. */
    static TribuoModel of(String learnerId, Model<?> model, Target target, double mean, double std) {
        return of(learnerId, model, target, mean, std, 0);
    }

    /**
     * A model whose class probabilities are votes of {@code smoothingTrees} trees, smoothed with one uniform vote
     * ({@link VoteSmoothing}); 0 for models that are not votes, or were exported before smoothing was introduced. It is
     * a {@link TribuoTreeModel} or a {@link TribuoLinearModel} (both {@link automl4j.explain.ExactShap}) when
     * {@code model} is one they can explain exactly.
     */
    static TribuoModel of(String learnerId, Model<?> model, Target target, double mean, double std, int smoothingTrees) {
        return of(learnerId, model, target, mean, std, smoothingTrees, null);
    }

    /**
     * As {@link #of(String, Model, Target, double, double, int)}; {@code proto} is the serialized form a loaded
     * {@code model} was read from, which says how an ensemble weighs and combines its trees (Tribuo keeps both to
     * itself), or null for a model just fitted by our learners (averaging combiners, uniform weights).
     */
    private static TribuoModel of(String learnerId, Model<?> model, Target target, double mean, double std, int smoothingTrees,
                                  ModelProto proto) {
        float[] treeWeights = TribuoTrees.canRead(model) ? TribuoTrees.weights(model, proto) : null;
        if (treeWeights != null) {
            return new TribuoTreeModel(learnerId, model, target, mean, std, smoothingTrees, treeWeights);
        }
        TribuoLinearWeights weights = TribuoLinearWeights.of(model, target);
        if (weights != null) {
            return new TribuoLinearModel(learnerId, model, target, mean, std, weights);
        }
        return new TribuoModel(learnerId, model, target, mean, std, smoothingTrees);
    }

    TribuoModel(String learnerId, Model<?> model, Target target, double mean, double std, int smoothingTrees) {
        this.smoothingTrees = smoothingTrees;
        this.learnerId = learnerId;
        this.model = model;
        this.target = target;
        this.mean = mean;
        this.std = std;
    }

    final String learnerId() {
        return learnerId;
    }

    final Model<?> model() {
        return model;
    }

    final Target target() {
        return target;
    }

    /** Mean of the regression target (0 for classification). */
    final double mean() {
        return mean;
    }

    /** Standard deviation of the regression target (1 for classification). */
    final double std() {
        return std;
    }

    final int smoothingTrees() {
        return smoothingTrees;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Predictions predict(FeatureMatrix features) {
        int n = features.rows();
        if (!(target.task() instanceof Classification)) {
            List<Prediction<Regressor>> preds = ((Model<Regressor>) model).predict(TribuoData.unlabelledRegression(features));
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = preds.get(i).getOutput().getValues()[0] * std + mean;
            }
            return Predictions.ofValues(v);
        }
        List<Prediction<Label>> preds = ((Model<Label>) model).predict(TribuoData.unlabelled(features));
        int k = target.numClasses();
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            Map<String, Label> scores = preds.get(i).getOutputScores();
            double sum = 0;
            for (Map.Entry<String, Label> e : scores.entrySet()) {
                int c = Integer.parseInt(e.getKey());
                double s = Math.max(0, e.getValue().getScore());
                p[i][c] = s;
                sum += s;
            }
            if (sum > 0) {
                for (int c = 0; c < k; c++) {
                    p[i][c] /= sum;
                }
            } else {
                p[i][Integer.parseInt(preds.get(i).getOutput().getLabel())] = 1;
            }
            if (smoothingTrees > 0) {
                VoteSmoothing.withUniformVote(p[i], smoothingTrees);
            }
        }
        return Predictions.ofProbabilities(target.task(), target.classes(), p);
    }

    @Override
    public final ModelArtifact export() {
        Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
        props.put("tribuo_version", org.tribuo.Tribuo.VERSION);
        props.put("target_mean", Double.toString(mean));
        props.put("target_std", Double.toString(std));
        props.put(SMOOTHING, Integer.toString(smoothingTrees));
        return new ModelArtifact(learnerId, FORMAT, props, model.serialize().toByteArray());
    }

    static TribuoModel load(ModelArtifact artifact) {
        if (!artifact.format().equals(FORMAT)) {
            throw new IllegalArgumentException(artifact.learnerId() + " cannot read payload format '" + artifact.format() + "'");
        }
        Target target = ArtifactTargets.read(artifact);
        double mean = artifact.finiteProperty("target_mean", Double.NaN);
        double std = artifact.finiteProperty("target_std", Double.NaN);
        if (Double.isNaN(mean) || !(std > 0)) {
            throw new IllegalArgumentException(artifact.learnerId() + " needs properties 'target_mean' and 'target_std' > 0");
        }
        int smoothing = artifact.intProperty(SMOOTHING, 0, 1 << 20, 0);
        try {
            ModelProto proto = ModelProto.parseFrom(artifact.payload());
            TribuoClassNames.check(proto);   // before Tribuo calls Class.forName on any name in it
            TribuoShapes.check(proto);       // before Tribuo allocates tensors or builds trees from it
            TribuoSerializedModels.check(proto);  // before Tribuo reads Java-serialized LIBLINEAR models in it
            Model<?> model = Model.deserialize(proto);
            checkOutputs(artifact.learnerId(), model, target);
            checkFeatureNames(artifact.learnerId(), model);
            return of(artifact.learnerId(), model, target, mean, std, smoothing, proto);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot read Tribuo model of " + artifact.learnerId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a model whose features were named in a locale's digits (see {@link TribuoData#inLocaleDigits}): Tribuo
     * drops the features an example names that the model does not know, so it would predict from zeros without a word.
     */
    private static void checkFeatureNames(String learnerId, Model<?> model) {
        for (VariableInfo info : model.getFeatureIDMap()) {
            if (TribuoData.inLocaleDigits(info.getName())) {
                throw new IllegalArgumentException(learnerId + " payload names feature '" + info.getName() + "' in non-ASCII "
                        + "digits: it was fitted under a locale that writes other digits, by a build that let that locale name "
                        + "the features, and would predict from zeros; fit it again");
            }
        }
    }

    /** The model's outputs are what {@link #predict} reads: class indices below the class count, or one regressor. */
    private static void checkOutputs(String learnerId, Model<?> model, Target target) {
        boolean classifier = model.getOutputIDInfo().getDomain().stream().allMatch(o -> o instanceof Label);
        boolean regressor = model.getOutputIDInfo().getDomain().stream().allMatch(o -> o instanceof Regressor);
        if (target.task() instanceof Classification) {
            if (!classifier) {
                throw new IllegalArgumentException(learnerId + " payload is not a classifier, but its target is "
                        + target.task().label());
            }
            for (Object o : model.getOutputIDInfo().getDomain()) {
                String label = ((Label) o).getLabel();
                if (!label.matches("\\d{1,9}") || Integer.parseInt(label) >= target.numClasses()) {
                    throw new IllegalArgumentException(learnerId + " payload has output '" + label + "', but its target has "
                            + target.numClasses() + " classes");
                }
            }
        } else if (!regressor || model.getOutputIDInfo().size() != 1
                || ((Regressor) model.getOutputIDInfo().getDomain().iterator().next()).size() != 1) {
            throw new IllegalArgumentException(learnerId + " payload is not a one-dimensional regressor");
        }
    }
}
