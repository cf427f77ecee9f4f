package automl4j.spark.scoring;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.learn.Predictions;
import automl4j.spark.data.SparkTables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Scores with the engine's {@code AutoMlModel}: a batch becomes a Tablesaw table of the columns the model was fitted on
 * (typed as {@code automl4j.spark.data} types them for training), and the model predicts it with the learners' own
 * libraries. Needs the featurizer and learner modules on the executors' class path (automl.jar has them).
 */
final class EngineScorer implements BatchScorer {
    private final AutoMlModel model;
    private final StructType schema;
    private final List<String> columns;

    EngineScorer(AutoMlModel model, StructType schema, List<String> columns) {
        this.model = model;
        this.schema = schema;
        this.columns = columns;
    }

    @Override
    public Scores score(Row[] rows, int size) {
        Predictions p = model.predict(SparkTables.toTable(Arrays.asList(rows).subList(0, size), schema, columns, "batch"));
        if (!(model.target().task() instanceof Classification)) {
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = p.value(i);
            }
            return new Scores(null, null, values);
        }
        String[] labels = new String[size];
        double[][] probabilities = new double[size][];
        for (int i = 0; i < size; i++) {
            labels[i] = p.label(i);
            probabilities[i] = p.probabilities(i);
        }
        return new Scores(labels, probabilities, null);
    }
}
