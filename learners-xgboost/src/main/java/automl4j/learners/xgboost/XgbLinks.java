package automl4j.learners.xgboost;

/**
 * XGBoost 3.4's links ({@code common::Sigmoid}, {@code common::Softmax}) and the logistic base margin, applied in
 * Java to the margins XGBoost predicts, operation for operation in float, with {@link StrictMath}'s exponential and
 * logarithm instead of the C library's {@code expf} and {@code logf}: those differ between platforms and from Java's in
 * the last bit for some inputs (about 1 in 4,000 probabilities, 9 in 3,000 base scores), while this gives the same bits
 * everywhere, and the same as {@code automl4j-scoring}, which evaluates exported models without the engine. Twin of
 * {@code automl4j.scoring.GbtLinks} in the scoring module (which cannot be a dependency here: its tests depend on this
 * module); change both together, their tests compare them bit for bit.
 */
final class XgbLinks {
    private XgbLinks() {
    }

    /** {@code common::Sigmoid(float)}: the exponent capped at 88.7 and a 1e-16 (float) guard added. */
    static float sigmoid(float x) {
        float e = Math.min(-x, 88.7f);
        float denom = (float) StrictMath.exp(e) + 1.0f + 1e-16f;
        return 1.0f / denom;
    }

    /** {@code common::Softmax} in place: float maximum and exponentials, a double sum, float division. */
    static void softmax(float[] v) {
        float max = v[0];
        for (int i = 1; i < v.length; i++) {
            max = Math.max(v[i], max);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) StrictMath.exp(v[i] - max);
            sum += v[i];
        }
        float s = (float) sum;
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
    }

    /** {@code LogisticRegression::ProbToMargin}: the base score kept 1e-6 (float) from 0 and 1, then {@code -logf(1/p - 1)}. */
    static float logit(float p) {
        float q = Math.min(Math.max(p, 1e-6f), 1.0f - 1e-6f);
        return -(float) StrictMath.log(1.0f / q - 1.0f);
    }
}
