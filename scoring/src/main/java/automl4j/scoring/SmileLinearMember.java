package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code smile-logistic} member (payload {@value #FORMAT}): the engine's {@code LinearModel} JSON, weight rows in
 * Smile's layout, one weight per feature and the intercept last. One row (binary): P(second class) = sigmoid(w · x);
 * K - 1 rows (multiclass): scores of the first K - 1 classes, the last scoring 0, then a softmax. The score adds the
 * intercept first and then each non-zero feature in order, in double, and the sigmoid and softmax are the engine's
 * own expressions, so the bits are the engine's (both use {@code Math.exp} of the same JVM). A NaN feature makes the
 * row's probabilities NaN, as in the engine.
 */
final class SmileLinearMember implements MemberModel {
    static final String FORMAT = "automl4j-linear-json";
    private final double[][] weights;
    private final int features;

    private SmileLinearMember(double[][] weights) {
        this.weights = weights;
        this.features = weights[0].length - 1;
    }

    @Override
    public double[] predict(float[] x) {
        double[] z = new double[weights.length + 1];
        for (int k = 0; k < weights.length; k++) {
            double s = weights[k][features];
            for (int c = 0; c < features; c++) {
                if (x[c] != 0f) {   // the engine skips zero cells too; adding 0.0 could turn a -0.0 sum into +0.0
                    s += weights[k][c] * x[c];
                }
            }
            z[k] = s;
        }
        if (weights.length == 1) {
            double p1 = 1 / (1 + Math.exp(-z[0]));
            return new double[] {1 - p1, p1};
        }
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
        return z;
    }

    /** The payload, checked as the engine's {@code LinearModel.load} checks it, with its messages. */
    static MemberModel load(MemberPayload p) {
        SmilePayloads.check(p, FORMAT);
        String learner = p.learner();
        if (!SmilePayloads.classification(p.target())) {
            throw new IllegalArgumentException(learner + " predicts classes, but its target is " + p.target().task());
        }
        int classes = p.target().classes().size();
        int expected = classes == 2 ? 1 : classes - 1;
        JsonNode root = SmilePayloads.json(p);
        JsonNode rows = root == null ? null : root.get("weights");
        if (rows == null || !rows.isArray() || rows.size() != expected) {
            throw new IllegalArgumentException(learner + " payload must hold 'weights', an array of " + expected + " rows for "
                    + classes + " classes");
        }
        int width = rows.get(0).size();
        double[][] w = new double[expected][];
        for (int k = 0; k < expected; k++) {
            JsonNode a = rows.get(k);
            if (!a.isArray() || a.size() < 1 || a.size() != width) {
                throw new IllegalArgumentException(learner + " weight row " + k + " must be an array of " + width
                        + " numbers (one per feature and the intercept), like row 0");
            }
            w[k] = new double[width];
            for (int c = 0; c < width; c++) {
                JsonNode v = a.get(c);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new IllegalArgumentException(learner + " weight row " + k + " value " + c + " must be a finite number");
                }
                w[k][c] = v.asDouble();
            }
        }
        // The engine finds this when it predicts; the featurizer's width is known here, so refuse it at once.
        if (width - 1 != p.featureNames().size()) {
            throw new IllegalArgumentException(learner + " was fitted on " + (width - 1) + " features, but got "
                    + p.featureNames().size());
        }
        return new SmileLinearMember(w);
    }
}
