package automl4j.spark.scoring;

import automl4j.scoring.BatchPredictions;
import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Scores with {@code automl4j-scoring}: the rows' cells the model reads, column by column, without copying them (views
 * over the batch), converted as {@link SparkCells} says.
 */
final class LibraryScorer implements BatchScorer {
    private final ScoringModel model;
    private final String[] columns;
    private final int[] indexes;
    private final boolean classification;

    LibraryScorer(ScoringModel model, String[] columns, int[] indexes) {
        this.model = model;
        this.columns = columns;
        this.indexes = indexes;
        this.classification = !model.metadata().classes().isEmpty();
    }

    @Override
    public Scores score(Row[] rows, int size) {
        BatchPredictions p;
        if (columns.length == 0) {   // a model that reads no column (a baseline): by rows, since there are no columns
            p = model.predictRows(Collections.nCopies(size, Map.of()));
        } else {
            Map<String, List<?>> cells = new LinkedHashMap<>();
            for (int k = 0; k < columns.length; k++) {
                int index = indexes[k];
                cells.put(columns[k], new AbstractList<Object>() {
                    @Override
                    public Object get(int i) {
                        return SparkCells.toScoring(rows[i].get(index));
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                });
            }
            p = model.predictColumns(cells);
        }
        if (!classification) {
            return new Scores(null, null, p.values());
        }
        String[] labels = new String[size];
        double[][] probabilities = new double[size][];
        for (int i = 0; i < size; i++) {
            Prediction one = p.get(i);
            labels[i] = one.label();
            probabilities[i] = one.probabilities();
        }
        return new Scores(labels, probabilities, null);
    }
}
