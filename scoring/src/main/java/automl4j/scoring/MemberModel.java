package automl4j.scoring;

/**
 * One member's fitted model, evaluated without the engine on one featurized row. Each learner format has its own
 * implementation in this package; {@link MemberModels} picks it by the member's learner id and payload format.
 * Implementations are immutable and thread-safe, and predict exactly what the engine's model for the same payload
 * predicts, to the last bit.
 */
interface MemberModel {
    /**
     * The member's flat prediction of one row, in the engine's {@code Predictions.toFlat()} form: the class
     * probabilities in the target's class order (two for a binary target), or one regression value in the target's
     * own units.
     *
     * @param features the featurized row: one value per feature of the member's featurizer, dense, NaN where missing
     */
    double[] predict(float[] features);
}
