package automl4j.execute;

/**
 * Receives the validation predictions of the trials whose {@link TrialTask#wantsPredictions()} is set (the engine keeps
 * them for ensemble selection), flattened: the validation rows of split 0, then of split 1 and so on; per row the class
 * probabilities in class order, or the value. Called from the runner's threads; implementations are thread-safe.
 */
@FunctionalInterface
public interface PredictionSink {
    /** A sink that drops everything. */
    PredictionSink NONE = (trialId, learnerId, loss, predictions) -> { };

    /**
     * Takes one completed trial's predictions.
     *
     * @param loss the trial's mean validation loss
     */
    void accept(int trialId, String learnerId, double loss, float[] predictions);
}
