package automl4j.learners.lightgbm;

/**
 * LightGBM 3.3's links (the binary objective's {@code ConvertOutput} with its sigmoid scale 1, {@code Common::Softmax}),
 * applied in Java to the raw scores LightGBM predicts, operation for operation in double, with {@link StrictMath}'s
 * exponential instead of the native library's: that one differs from Java's in the last bits for a few percent of the
 * probabilities, while this gives the same bits on every platform, and the same as {@code automl4j-scoring}, which
 * evaluates exported models without the engine. Twin of {@code automl4j.scoring.GbtLinks} in the scoring module (which
 * cannot be a dependency here: its tests depend on this module); change both together, their tests compare them bit
 * for bit.
 */
final class LgbmLinks {
    private LgbmLinks() {
    }

    /** {@code 1 / (1 + exp(-x))} in double: the learner's objective {@code binary sigmoid:1}. */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** {@code Common::Softmax} in place, in double. */
    static void softmax(double[] v) {
        double max = v[0];
        for (int i = 1; i < v.length; i++) {
            max = Math.max(v[i], max);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = StrictMath.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
    }
}
