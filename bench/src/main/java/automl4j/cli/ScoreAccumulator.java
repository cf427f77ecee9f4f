package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.DataException;
import automl4j.data.Cells;
import automl4j.data.Task;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Collects, chunk by chunk, what the metrics need to score predictions against the target column: per row with a
 * target, its encoded truth and the model's flat prediction (the class probabilities, or the value). Rank metrics
 * (auc, average precision) need every prediction at once, so this keeps them, as doubles to give the very scores
 * {@link AutoMlModel#evaluate} gives: 8 × (1 + width) bytes per labelled row (24 bytes for a binary model, 80 MB for
 * ten million rows). Files without the target column keep nothing. The first target cell that does not fit the task
 * stops the collecting and is reported by {@link #scores()}, after the predictions were written, as before streaming.
 * Not thread-safe.
 */
final class ScoreAccumulator {
    private final AutoMlModel model;
    private final String source;
    private final Task task;
    private final int width;
    private double[] truth = new double[1024];
    private double[] flat;
    private int size;
    private String error;

    ScoreAccumulator(AutoMlModel model, String source) {
        this.model = model;
        this.source = source;
        this.task = model.target().task();
        this.width = task.predictionWidth();
        this.flat = new double[1024 * width];
    }

    /**
     * Adds the rows of {@code rows} (the predicted rows of a chunk) whose target is present.
     *
     * @param fileRows the file row of each table row, for messages
     * @param lines    the line of each table row, or null where lines are unknown
     */
    void add(Table rows, Predictions p, long[] fileRows, int[] lines) {
        if (error != null) {
            return;
        }
        Column<?> column = rows.column(model.target().name());
        int[] present = new int[rows.rowCount()];
        int n = 0;
        for (int r = 0; r < present.length; r++) {
            if (Cells.text(column, r) != null) {   // as EncodedTarget reads presence
                present[n++] = r;
            }
        }
        present = Arrays.copyOf(present, n);
        double[] values;
        try {
            values = task.encode(column, present, source);
        } catch (DataException e) {
            for (int r : present) {
                try {
                    task.encode(column, new int[] {r}, source);
                } catch (DataException one) {
                    error = PredictRows.where(source, fileRows[r], lines == null ? 0 : lines[r]) + ": "
                            + one.getMessage().replace(", but row 1 has", ", but has");
                    return;
                }
            }
            error = e.getMessage();
            return;
        }
        double[] all = p.toFlat();
        while (size + n > truth.length) {
            truth = Arrays.copyOf(truth, truth.length * 2);
            flat = Arrays.copyOf(flat, truth.length * width);
        }
        for (int k = 0; k < n; k++) {
            truth[size + k] = values[k];
            System.arraycopy(all, present[k] * width, flat, (size + k) * width, width);
        }
        size += n;
    }

    /**
     * The scores by every built-in metric that fits the task, the task's default first, as {@link AutoMlModel#evaluate}
     * computes them; a metric the data does not allow is left out.
     *
     * @throws UsageException if a target cell did not fit the task or no row had a target
     */
    Map<String, Double> scores() {
        String name = model.target().name();
        if (error == null && size == 0) {
            error = "target column '" + name + "' in " + source + " has only missing values";
        }
        if (error != null) {
            throw new UsageException("--data: cannot score target column '" + name + "': " + error);
        }
        Labels labels = Labels.of(Arrays.copyOf(truth, size));
        Predictions p = Predictions.ofFlat(task, Arrays.copyOf(flat, size * width));
        if (model.decisionThreshold().isPresent()) {
            p = p.withThreshold(model.decisionThreshold().get().threshold());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Metric primary = Metrics.defaultFor(task);
        try {
            out.put(primary.name(), primary.score(labels, p));
        } catch (DataException | IllegalArgumentException e) {
            throw new UsageException("--data: cannot score target column '" + name + "': " + e.getMessage());
        }
        for (Metric m : Metrics.all()) {
            if (m.supports(task) && !out.containsKey(m.name())) {
                try {
                    out.put(m.name(), m.score(labels, p));
                } catch (DataException | IllegalArgumentException e) {
                    // undefined on this data
                }
            }
        }
        return out;
    }
}
