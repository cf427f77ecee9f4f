package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A logistic regression as weight vectors, in Smile's layout: each row holds one weight per feature and the intercept
 * last. One row (binary): P(class 1) = sigmoid(w · x). K - 1 rows (multiclass): the scores of classes 0..K-2, the last
 * class scoring 0, then softmax. Exported as JSON.
 *
 * <p>Its SHAP values are exact in its score space, with the features taken as independent: feature {@code j} of a row
 * gets {@code w_j (x_j - mean_j)}, the mean over the background rows, and the base value is the score of the means.
 * Binary: the log-odds of the second class ({@code log-odds}); multiclass: the softmax scores of every class, the last
 * class's being 0 ({@code margin}).
 */
final class LinearModel implements FittedModel, ExactShap {
    static final String FORMAT = "automl4j-linear-json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String learnerId;
    private final Target target;
    private final double[][] weights;

    LinearModel(String learnerId, Target target, double[][] weights) {
        this.learnerId = learnerId;
        this.target = target;
        this.weights = weights;
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        int p = weights[0].length - 1;
        if (x.columns() != p) {
            throw new IllegalArgumentException(learnerId + " was fitted on " + p + " features, but got " + x.columns());
        }
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            float[] row = x.row(i);
            double[] z = new double[weights.length + 1];
            for (int k = 0; k < weights.length; k++) {
                double s = weights[k][p];
                for (int c = 0; c < p; c++) {
                    if (row[c] != 0f) {
                        s += weights[k][c] * row[c];
                    }
                }
                z[k] = s;
            }
            if (weights.length == 1) {
                double p1 = 1 / (1 + Math.exp(-z[0]));
                out[i] = new double[] {1 - p1, p1};
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < z.length; k++) {
                    z[k] = Math.exp(z[k] - max);
                    sum += z[k];
                }
                for (int k = 0; k < z.length; k++) {
                    z[k] /= sum;
                }
                out[i] = z;
            }
        }
        return Predictions.ofProbabilities(target.task(), target.classes(), out);
    }

    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        int p = weights[0].length - 1;
        if (rows.columns() != p || background.columns() != p || background.rows() == 0) {
            throw new IllegalArgumentException(learnerId + " was fitted on " + p + " features, but got rows of " + rows.columns()
                    + " and " + background.rows() + " background rows of " + background.columns());
        }
        boolean binary = weights.length == 1;
        double[][] w = new double[weights.length][];
        double[] bias = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            w[k] = java.util.Arrays.copyOf(weights[k], p);
            bias[k] = weights[k][p];
        }
        // With more classes the last one scores 0: its values and base are 0.
        List<String> names = binary ? List.of(target.classes().get(1)) : target.classes();
        return automl4j.explain.LinearShap.of(rows, background, w, bias, names, binary ? "log-odds" : "margin");
    }

    @Override
    public ModelArtifact export() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray("weights");
        for (double[] w : weights) {
            ArrayNode a = rows.addArray();
            for (double v : w) {
                a.add(v);
            }
        }
        Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
        props.put("smile_version", "3.1.1");
        try {
            return new ModelArtifact(learnerId, FORMAT, props, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinearModel load(ModelArtifact artifact) {
        if (!artifact.format().equals(FORMAT)) {
            throw new IllegalArgumentException(artifact.learnerId() + " cannot read payload format '" + artifact.format() + "'");
        }
        try {
            Target target = ArtifactTargets.read(artifact);
            if (!(target.task() instanceof Classification)) {
                throw new IllegalArgumentException(artifact.learnerId() + " predicts classes, but its target is " + target.task().label());
            }
            int expected = target.numClasses() == 2 ? 1 : target.numClasses() - 1;
            JsonNode root = JSON.readTree(artifact.payload());
            JsonNode rows = root == null ? null : root.get("weights");
            if (rows == null || !rows.isArray() || rows.size() != expected) {
                throw new IllegalArgumentException(artifact.learnerId() + " payload must hold 'weights', an array of " + expected
                        + " rows for " + target.numClasses() + " classes");
            }
            int width = rows.get(0).size();
            double[][] w = new double[expected][];
            for (int k = 0; k < w.length; k++) {
                JsonNode a = rows.get(k);
                if (!a.isArray() || a.size() < 1 || a.size() != width) {
                    throw new IllegalArgumentException(artifact.learnerId() + " weight row " + k + " must be an array of " + width
                            + " numbers (one per feature and the intercept), like row 0");
                }
                w[k] = new double[width];
                for (int c = 0; c < width; c++) {
                    JsonNode v = a.get(c);
                    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                        throw new IllegalArgumentException(artifact.learnerId() + " weight row " + k + " value " + c
                                + " must be a finite number");
                    }
                    w[k][c] = v.asDouble();
                }
            }
            return new LinearModel(artifact.learnerId(), target, w);
        } catch (IOException e) {
            throw new UncheckedIOException(artifact.learnerId() + " payload is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
