package automl4j.learners.lightgbm;

import automl4j.data.Target;

final class LgbmModelText {
    static final int MAX_FEATURES = 1 << 24;
    private LgbmModelText() {
    }
    static String check(byte[] payload, Target target, int numFeatures) {
        return new String(payload, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
