package automl4j.spark.refit;

import java.io.Serializable;

/**
 * What one barrier task of a distributed XGBoost fit sends back: its rank in the XGBoost collective, the rows it
 * trained on, the moments a regression's labels were standardized with (the same in every task), and the booster (UBJ)
 * from rank 0 only, since every rank ends with the same trees.
 */
record WorkerResult(int rank, long rows, double targetMean, double targetSd, byte[] booster) implements Serializable {
    private static final long serialVersionUID = 1L;
}
