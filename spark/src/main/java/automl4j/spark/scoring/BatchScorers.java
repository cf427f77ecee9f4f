package automl4j.spark.scoring;

import automl4j.AutoMlModel;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * What a task needs to score rows, shipped to the executors: the broadcast model file and which scorer reads which
 * columns of the rows it is given.
 *
 * @param file    the broadcast model file
 * @param sha256  its SHA-256, the key of the executor's {@link ModelCache}
 * @param engine  score with the engine, else with the scoring library
 * @param schema  the schema of the rows the scorer is given
 * @param columns the columns the model reads (the engine: the fitted ones present) ...
 * @param indexes ... and where they are in a row of {@code schema}
 */
record BatchScorers(Broadcast<byte[]> file, String sha256, boolean engine, StructType schema, List<String> columns,
                    int[] indexes) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A scorer for the current task, over the model of this JVM's {@link ModelCache} (loaded from the broadcast file
     * the first time); an engine model is borrowed for the task and given back when it ends, scored or failed.
     */
    BatchScorer open() {
        if (!engine) {
            return new LibraryScorer(ModelCache.library(sha256, file::value), columns.toArray(String[]::new), indexes);
        }
        AutoMlModel model = ModelCache.borrowEngine(sha256, file::value);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) done -> ModelCache.giveBack(sha256, model));
        }
        return new EngineScorer(model, schema, columns);
    }
}
