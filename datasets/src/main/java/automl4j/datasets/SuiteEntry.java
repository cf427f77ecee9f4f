package automl4j.datasets;

import automl4j.data.TaskType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One dataset of a benchmark suite.
 *
 * @param name      dataset name
 * @param file      the CSV file (resolved against the suite's folder)
 * @param task      task type
 * @param target    target column
 * @param foldsFile the file of outer fold ids (one per data row)
 */
public record SuiteEntry(String name, Path file, TaskType task, String target, Path foldsFile) {
    public SuiteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(foldsFile, "foldsFile");
    }
}
