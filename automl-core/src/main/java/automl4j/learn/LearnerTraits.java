package automl4j.learn;

/**
 * What the engine needs to know about a learner to schedule its trials, apart from its hyperparameters: how costly a
 * fit is, whether it reads sparse features, and where its trials may safely run. A learner returns one from
 * {@link Learner#traits()}; {@link #defaults()} describes a plain Java learner as costly as XGBoost that needs dense
 * features, and the withers change one trait each. Immutable and thread-safe.
 *
 * @param relativeCost    how expensive a fit of the default config is relative to XGBoost's (1.0), finite and
 *                        {@code >= 0}; the engine tries the defaults of cheap learners first, so a short budget still
 *                        gets a result from each family it can afford
 * @param acceptsSparse   true if the learner reads a sparse {@link FeatureMatrix} without densifying it and copes with
 *                        thousands of features (as from TF-IDF text); when the featurized data is sparse the engine
 *                        searches only such learners
 * @param nativeCode      true if fits run native code (through JNI), which can crash the whole JVM or ignore its heap
 *                        limit; by default such learners run in worker processes
 * @param stopsAtDeadline true if {@link Learner#fit} returns soon after its context's deadline passes (it trains in
 *                        rounds and checks the deadline between them); a fit that cannot stop keeps its cores busy after
 *                        its trial is abandoned, so by default such learners run in worker processes, where the
 *                        executor kills them at their deadline
 * @param usesGpu         true if the learner can train on an NVIDIA GPU when its {@link FitContext#device()} is
 *                        {@code cuda:N}; such trials run in worker processes, which read back the device a fit really
 *                        used (a library may fall back to the CPU without an error)
 */
public record LearnerTraits(double relativeCost, boolean acceptsSparse, boolean nativeCode, boolean stopsAtDeadline,
                            boolean usesGpu) {
    private static final LearnerTraits DEFAULTS = new LearnerTraits(1.0, false, false, false, false);

    /**
     * Checks the cost.
     *
     * @throws IllegalArgumentException if {@code relativeCost} is negative, infinite or NaN
     */
    public LearnerTraits {
        if (!(relativeCost >= 0 && relativeCost < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("relativeCost must be a finite number >= 0, but was " + relativeCost);
        }
    }

    /** Cost 1.0 (as XGBoost), dense features only, pure Java, cannot stop at a deadline, no GPU. */
    public static LearnerTraits defaults() {
        return DEFAULTS;
    }

    /** These traits with {@code cost} as the relative cost; see {@link #relativeCost()}. */
    public LearnerTraits withRelativeCost(double cost) {
        return new LearnerTraits(cost, acceptsSparse, nativeCode, stopsAtDeadline, usesGpu);
    }

    /** These traits with {@link #acceptsSparse()} set to {@code sparse}. */
    public LearnerTraits withAcceptsSparse(boolean sparse) {
        return new LearnerTraits(relativeCost, sparse, nativeCode, stopsAtDeadline, usesGpu);
    }

    /** These traits with {@link #nativeCode()} set to {@code jni}. */
    public LearnerTraits withNativeCode(boolean jni) {
        return new LearnerTraits(relativeCost, acceptsSparse, jni, stopsAtDeadline, usesGpu);
    }

    /** These traits with {@link #stopsAtDeadline()} set to {@code stops}. */
    public LearnerTraits withStopsAtDeadline(boolean stops) {
        return new LearnerTraits(relativeCost, acceptsSparse, nativeCode, stops, usesGpu);
    }

    /** These traits with {@link #usesGpu()} set to {@code gpu}. */
    public LearnerTraits withUsesGpu(boolean gpu) {
        return new LearnerTraits(relativeCost, acceptsSparse, nativeCode, stopsAtDeadline, gpu);
    }
}
