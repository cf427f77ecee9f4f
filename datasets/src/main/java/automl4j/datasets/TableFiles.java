package automl4j.datasets;

import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/** Reads a data file by its extension: {@code .arff} with {@link ArffReader}, anything else as CSV ({@link CsvReader}). */
public final class TableFiles {
    private TableFiles() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file and position of any problem
     */
    public static Table read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads {@code file}, a CSV file with {@code options} (an ARFF file ignores them).
     *
     * @throws DataFormatException naming the file and position of any problem
     */
    public static Table read(Path file, ReadOptions options) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".arff") ? new ArffReader().read(file) : CsvReader.of(options).read(file);
    }
}
