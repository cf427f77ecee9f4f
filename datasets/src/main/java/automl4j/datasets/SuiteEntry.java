package automl4j.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One dataset of a benchmark suite.
 *
 * @param name      dataset name
 * @param file      the CSV file (resolved against the suite's folder)
 * @param task      task label, one of {@link automl4j.data.Tasks#labels()}
 * @param target    target column
 * @param foldsFile the file of outer fold ids (one per data row)
 */
public record SuiteEntry(String name, Path file, String task, String target, Path foldsFile) {
    public SuiteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(foldsFile, "foldsFile");
    }
}
