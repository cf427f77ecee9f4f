package automl4j.learners.lightgbm;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted LightGBM model: its model text (what is exported) and a native predictor read from that text. A fitted model
 * and a loaded one therefore predict through the same path, digit for digit. The predictor is freed by a
 * {@link Cleaner} once the model is unreachable (a model has no close method in this API); the training booster and
 * datasets never outlive {@code fit}.
 *
 * <p>Its SHAP values are LightGBM's own TreeSHAP contributions ({@code pred_contrib}, computed in double from the
 * training counts the model text keeps at each node), in its raw score space: log-odds of the second class for two
 * classes, softmax margins of every class for more, the value for regression (the standardized raw score mapped back
 * to the target's units), as for XGBoost.
 */
final class LightgbmModel implements FittedModel, ExactShap {
    /** Payload format of {@link #export()}: LightGBM's model text in UTF-8. */
    static final String FORMAT = "lightgbm-text";
    private static final Cleaner CLEANER = Cleaner.create();

    private final String text;
    private final Target target;
    private final int keptRounds;
    private final double targetMean;
    private final double targetSd;
    private final int numFeatures;
    private final LgbmBooster predictor;

    /**
     * A model over {@code text}, predicting regression values as {@code mean + sd * raw}, with {@code keptRounds} (0:
     * all) the rounds early stopping kept.
     */
    LightgbmModel(String text, Target target, int keptRounds, double targetMean, double targetSd, int numFeatures) {
        this.text = text;
        this.target = target;
        this.keptRounds = keptRounds;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
        this.numFeatures = numFeatures;
        this.predictor = LgbmBooster.fromText(text);
        LgbmBooster p = predictor;   // the cleaning action must not refer to this model, or it would never be unreachable
        CLEANER.register(this, p::close);
    }

    @Override
    public Map<String, Object> refitSettings() {
        return keptRounds > 0 ? Map.of(LightgbmLearner.N_ESTIMATORS.name(), keptRounds) : Map.of();
    }

    @Override
    public Predictions predict(FeatureMatrix features) {
        if (features.columns() != numFeatures) {
            throw new IllegalArgumentException("lightgbm model needs " + numFeatures + " features, but was given "
                    + features.columns());
        }
        boolean classification = target.task() instanceof Classification;
        int width = classification && target.numClasses() > 2 ? target.numClasses() : 1;
        // Raw scores, linked in Java (LgbmLinks), so that every platform and automl4j-scoring give the same bits.
        double[] raw = predictor.predictRaw(features, width);
        int n = features.rows();
        if (target.task() instanceof Regression) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = targetMean + targetSd * raw[i];
            }
            return Predictions.ofValues(v);
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            if (width == 1) {
                double positive = LgbmLinks.sigmoid(raw[i]);
                p[i] = new double[] {1 - positive, positive};
            } else {
                p[i] = java.util.Arrays.copyOfRange(raw, i * width, (i + 1) * width);
                LgbmLinks.softmax(p[i]);
            }
        }
        return Predictions.ofProbabilities(target.task(), target.classes(), p);
    }

    /** LightGBM keeps its covers (the training rows at each node), so {@code background} is not needed. */
    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        if (rows.columns() != numFeatures) {
            throw new IllegalArgumentException("lightgbm model needs " + numFeatures + " features, but was given "
                    + rows.columns());
        }
        boolean classification = target.task() instanceof Classification;
        boolean binary = classification && target.numClasses() == 2;
        int outputs = classification && !binary ? target.numClasses() : 1;
        double[] contributions = predictor.contributions(rows, outputs);
        // per row and output: one contribution per feature, then the bias (the expected raw score)
        int width = numFeatures + 1;
        double[] base = new double[outputs];
        double[][][] values = new double[rows.rows()][numFeatures][outputs];
        for (int r = 0; r < rows.rows(); r++) {
            int row = r * outputs * width;
            for (int k = 0; k < outputs; k++) {
                for (int f = 0; f < numFeatures; f++) {
                    values[r][f][k] = contributions[row + k * width + f];
                }
                base[k] = contributions[row + k * width + numFeatures];   // the same in every row
            }
        }
        for (double c : contributions) {
            if (!Double.isFinite(c)) {
                // A model text without leaf_count and internal_count (not one this learner writes) gives 0/0 covers.
                throw new IllegalStateException("LightGBM's SHAP values are not finite: the model text lacks the node counts"
                        + " (leaf_count, internal_count) that TreeSHAP weighs branches by");
            }
        }
        if (!classification) {
            return new ShapValues(rows.names(), List.of("value"), "value", base, values)
                    .affine(targetSd, new double[] {targetMean});
        }
        List<String> names = binary ? List.of(target.classes().get(1)) : target.classes();
        return new ShapValues(rows.names(), names, binary ? "log-odds" : "margin", base, values);
    }

    @Override
    public ModelArtifact export() {
        Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
        props.put("lightgbm_version", LightgbmLearner.VERSION);
        props.put("kept_rounds", Integer.toString(keptRounds));
        props.put("target_mean", Double.toString(targetMean));
        props.put("target_sd", Double.toString(targetSd));
        props.put("num_features", Integer.toString(numFeatures));
        return new ModelArtifact("lightgbm", FORMAT, props, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a model written by {@link #export()}. The model text is checked in Java first ({@link LgbmModelText}), so
     * that LightGBM's native parser, which trusts its input, only sees trees whose indexes stay in range.
     *
     * @throws IllegalArgumentException when the payload or a property is malformed, naming what is wrong
     * @throws IllegalStateException    when LightGBM refuses a text that passed the checks
     */
    static LightgbmModel load(ModelArtifact artifact) {
        if (!artifact.format().equals(FORMAT)) {
            throw new IllegalArgumentException("lightgbm cannot read payload format '" + artifact.format() + "'");
        }
        Target target = ArtifactTargets.read(artifact);
        int numFeatures = artifact.intProperty("num_features", 1, LgbmModelText.MAX_FEATURES);
        String text;
        try {
            text = LgbmModelText.check(artifact.payload(), target, numFeatures);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lightgbm payload is invalid: " + e.getMessage(), e);
        }
        int kept = artifact.intProperty("kept_rounds", 0, Integer.MAX_VALUE, 0);
        double mean = artifact.finiteProperty("target_mean", 0);
        double sd = artifact.finiteProperty("target_sd", 1);
        return new LightgbmModel(text, target, kept, mean, sd, numFeatures);
    }
}
