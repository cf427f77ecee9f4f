package automl4j.spark.refit;

import java.io.Serializable;

/**
 * What one barrier task of a distributed XGBoost fit sends back: its rank in the XGBoost collective, the rows it
 * trained on and held out, the rounds to keep (0: all; the same in every task), the moments a regression's labels were
 * standardized with (the same in every task), and the booster (UBJ) from rank 0 only, since every rank ends with the
 * same trees.
 */
record WorkerResult(int rank, long rows, long heldOut, int keptRounds, double targetMean, double targetSd, byte[] booster)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
