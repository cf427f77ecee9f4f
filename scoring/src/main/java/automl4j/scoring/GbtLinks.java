package automl4j.scoring;

/**
 * The link functions of XGBoost 3.4 and LightGBM 3.3, operation for operation in the libraries' precision (float for
 * XGBoost, double for LightGBM). C's {@code expf}/{@code logf}/{@code exp} are taken from {@link StrictMath}, which
 * gives the same bits on every platform; the C libraries' differ from it in the last bit for some inputs, so the
 * engine's xgboost and lightgbm learners apply these links in Java too (their twins {@code XgbLinks}, {@code LgbmLinks},
 * which must stay identical to these: the evaluators' tests compare them bit for bit).
 */
final class GbtLinks {
    /** XGBoost's {@code kRtEps}: a logistic base score is kept this far from 0 and 1. */
    private static final float RT_EPS = 1e-6f;

    private GbtLinks() {
    }

    /** C's {@code expf}: the float exponential. */
    static float expf(float x) {
        return (float) StrictMath.exp(x);
    }

    /** XGBoost's {@code common::Sigmoid(float)}: the exponent capped at 88.7 and a 1e-16 (float) guard added. */
    static float xgboostSigmoid(float x) {
        float e = Math.min(-x, 88.7f);
        float denom = expf(e) + 1.0f + 1e-16f;
        return 1.0f / denom;
    }

    /** XGBoost's {@code common::Softmax} in place: float maximum and exponentials, a double sum, float division. */
    static void xgboostSoftmax(float[] v) {
        float max = v[0];
        for (int i = 1; i < v.length; i++) {
            max = Math.max(v[i], max);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = expf(v[i] - max);
            sum += v[i];
        }
        float s = (float) sum;
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
    }

    /** XGBoost's {@code LogisticRegression::ProbToMargin}: the base score clamped, then {@code -logf(1/p - 1)}. */
    static float xgboostLogit(float p) {
        float q = Math.min(Math.max(p, RT_EPS), 1.0f - RT_EPS);
        return -(float) StrictMath.log(1.0f / q - 1.0f);
    }

    /** LightGBM's binary {@code ConvertOutput} with its sigmoid scale 1: {@code 1 / (1 + exp(-x))} in double. */
    static double lightgbmSigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** LightGBM's {@code Common::Softmax} in place, in double. */
    static void lightgbmSoftmax(double[] v) {
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
