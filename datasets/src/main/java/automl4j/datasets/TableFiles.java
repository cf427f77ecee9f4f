package automl4j.datasets;

import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/** Reads a data file by its extension: {@code .arff} with {@link ArffReader}, anything else as CSV. */
public final class TableFiles {
    private TableFiles() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file and position of any problem
     */
    public static Table read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".arff") ? new ArffReader().read(file) : CsvReader.comma().read(file);
    }
}
