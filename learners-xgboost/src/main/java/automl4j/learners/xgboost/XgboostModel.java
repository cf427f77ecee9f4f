package automl4j.learners.xgboost;

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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost booster. Exported in XGBoost's UBJ format with the library version recorded. Its SHAP values are
 * XGBoost's own TreeSHAP contributions (computed in float): log-odds of the second class for two classes, softmax
 * margins of every class for more, the value for regression.
 */
final class XgboostModel implements FittedModel, ExactShap {
    private final Booster booster;
    private final Target target;
    private final int treeLimit;
    private final double targetMean;
    private final double targetSd;
    private final String device;
    /** A binary model's base margin, computed in Java from its base score (XgbLinks.logit); NaN for other tasks. */
    private final float binaryBaseMargin;

    /**
     * A model predicting with its first {@code treeLimit} rounds (0: all), regression values as {@code mean + sd * raw},
     * trained on {@code device} as asked (XGBoost cannot say where it really trained; a worker reads that back).
     */
    XgboostModel(Booster booster, Target target, int treeLimit, double targetMean, double targetSd, String device) {
        this.booster = booster;
        this.device = device;
        this.target = target;
        this.treeLimit = treeLimit;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
        this.binaryBaseMargin = target.task() instanceof Classification c && c.isBinary() ? binaryBaseMargin(booster)
                : Float.NaN;
    }

    /**
     * XGBoost turns a logistic model's base score into its base margin with the C library's {@code logf}, which differs
     * from Java's (and between platforms) in the last bit for some base scores (9 of 3,000 tried); so the margin is
     * computed in Java and handed to XGBoost as each row's base margin instead, as automl4j-scoring computes it.
     */
    private static float binaryBaseMargin(Booster booster) {
        try {
            Map<?, ?> top = (Map<?, ?>) UbjReader.read(booster.toByteArray("ubj"));
            Map<?, ?> param = (Map<?, ?>) ((Map<?, ?>) top.get("learner")).get("learner_model_param");
            String score = (String) param.get("base_score");
            return XgbLinks.logit(Float.parseFloat(score.startsWith("[") ? score.substring(1, score.length() - 1) : score));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        }
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public Map<String, Object> refitSettings() {
        return treeLimit > 0 ? Map.of(XgboostLearner.N_ESTIMATORS.name(), treeLimit) : Map.of();
    }

    @Override
    public Predictions predict(FeatureMatrix features) {
        float[][] raw;
        DMatrix m = null;
        boolean binary = !Float.isNaN(binaryBaseMargin);
        DMatrix pooled = binary ? null : DMatrixPool.takePooled(features);   // a pooled matrix must keep no base margin
        try {
            m = pooled != null ? pooled : XgbMatrices.of(features);
            if (binary) {
                float[] base = new float[features.rows()];
                java.util.Arrays.fill(base, binaryBaseMargin);
                m.setBaseMargin(base);
            }
            synchronized (booster) {   // a Booster's prediction cache is not safe for concurrent use
                // Margins, linked in Java (XgbLinks), so that every platform and automl4j-scoring give the same bits.
                raw = booster.predict(m, true, treeLimit);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        } finally {
            if (pooled != null) {
                DMatrixPool.release(features, pooled);
            } else if (m != null) {
                m.dispose();
            }
        }
        int n = features.rows();
        if (target.task() instanceof Regression) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = targetMean + targetSd * raw[i][0];
            }
            return Predictions.ofValues(v);
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            if (target.task() instanceof Classification c && c.isBinary()) {
                float positive = XgbLinks.sigmoid(raw[i][0]);
                p[i] = new double[] {1 - positive, positive};
            } else {
                XgbLinks.softmax(raw[i]);
                p[i] = new double[raw[i].length];
                for (int k = 0; k < raw[i].length; k++) {
                    p[i][k] = raw[i][k];
                }
            }
        }
        return Predictions.ofProbabilities(target.task(), target.classes(), p);
    }

    /** XGBoost keeps its covers, so {@code background} is not needed. */
    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        float[][] contributions;
        DMatrix m = null;
        try {
            m = XgbMatrices.of(rows);
            synchronized (booster) {
                contributions = booster.predictContrib(m, treeLimit);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
        int features = rows.columns();
        boolean classification = target.task() instanceof Classification;
        boolean binary = classification && target.numClasses() == 2;
        int outputs = classification && !binary ? target.numClasses() : 1;
        // per output: one contribution per feature, then the bias (the expected margin, base_score included)
        double[] base = new double[outputs];
        double[][][] values = new double[rows.rows()][features][outputs];
        for (int r = 0; r < rows.rows(); r++) {
            float[] c = contributions[r];
            if (c.length != outputs * (features + 1)) {
                throw new IllegalStateException("XGBoost returned " + c.length + " contributions per row, but " + outputs
                        + " outputs of " + features + " features and a bias need " + outputs * (features + 1));
            }
            for (int k = 0; k < outputs; k++) {
                for (int f = 0; f < features; f++) {
                    values[r][f][k] = c[k * (features + 1) + f];
                }
                base[k] = c[k * (features + 1) + features];   // the same in every row
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
        try {
            Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
            props.put("xgboost_version", XgboostLearner.VERSION);
            props.put("tree_limit", Integer.toString(treeLimit));
            props.put("target_mean", Double.toString(targetMean));
            props.put("target_sd", Double.toString(targetSd));
            props.put("num_features", Long.toString(booster.getNumFeature()));
            return new ModelArtifact("xgboost", "xgboost-ubj", props, booster.toByteArray("ubj"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #export()}. The payload is checked in Java and re-encoded by
     * {@link XgbPayloadValidator} first, so that XGBoost's native loader, which trusts its input, only sees canonical
     * bytes built from checked values.
     *
     * @throws IllegalArgumentException when the payload or a property is malformed, naming what is wrong
     * @throws IllegalStateException    when XGBoost refuses a payload that passed the checks
     */
    static XgboostModel load(ModelArtifact artifact) {
        if (!artifact.format().equals("xgboost-ubj")) {
            throw new IllegalArgumentException("xgboost cannot read payload format '" + artifact.format() + "'");
        }
        // Files written before early stopping, standardized targets and the feature count lack these properties:
        // all rounds, raw values, no feature-count check.
        Map<String, String> p = artifact.properties();
        OptionalInt numFeatures = p.containsKey("num_features")
                ? OptionalInt.of(intProperty(p, "num_features", 1, XgbPayloadValidator.MAX_FEATURES))
                : OptionalInt.empty();
        XgbPayloadValidator.Checked checked;
        try {
            checked = XgbPayloadValidator.check(artifact.payload(), numFeatures);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("xgboost payload is invalid: " + e.getMessage(), e);
        }
        Target target = ArtifactTargets.read(artifact);
        boolean classification = target.task() instanceof Classification;
        String objective = !classification ? "reg:squarederror" : target.numClasses() == 2 ? "binary:logistic" : "multi:softprob";
        int numClass = classification && target.numClasses() > 2 ? target.classes().size() : 0;
        if (!checked.objective().equals(objective) || checked.numClass() != numClass) {
            throw new IllegalArgumentException("xgboost payload is invalid: a " + target.task().label() + " model of " + target.classes().size() + " classes must have objective '"
                    + objective + "' and num_class " + numClass + ", but has '" + checked.objective() + "' and "
                    + checked.numClass());
        }
        int treeLimit = intProperty(p, "tree_limit", 0, checked.rounds());
        double mean = finiteProperty(p, "target_mean", 0);
        double sd = finiteProperty(p, "target_sd", 1);
        try {
            Booster booster = XGBoost.loadModel(checked.payload());
            return new XgboostModel(booster, target, treeLimit, mean, sd,
                    automl4j.learn.FitContext.CPU);
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot load XGBoost model: " + e.getMessage(), e);
        }
    }

    private static int intProperty(Map<String, String> p, String key, int min, int max) {
        String v = p.getOrDefault(key, "0");
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (!(n >= min && n <= max)) {
            throw new IllegalArgumentException("xgboost property '" + key + "' must be a whole number in [" + min + ", "
                    + max + "], but was '" + v + "'");
        }
        return (int) n;
    }

    private static double finiteProperty(Map<String, String> p, String key, double fallback) {
        String v = p.get(key);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("xgboost property '" + key + "' must be a finite number, but was '" + v
                    + "'");
        }
        return d;
    }
}
