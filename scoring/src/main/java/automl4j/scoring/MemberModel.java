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

    /**
     * The member's flat predictions of rows, {@code predict(rows[i])} for each, to the last bit. A batch lets an
     * evaluator walk its own data once for many rows (a forest tree by tree over a block of rows, say) instead of once
     * per row; this default just loops.
     *
     * @param rows featurized rows, as for {@link #predict(float[])}
     * @throws IllegalArgumentException as {@link #predict(float[])} for some row; the caller finds which by predicting
     *                                  the rows one by one
     */
    default double[][] predict(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predict(rows[i]);
        }
        return out;
    }
}
