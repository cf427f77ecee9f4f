package automl4j.cli;

import automl4j.data.Cells;
import automl4j.datasets.CsvChunkReader;
import automl4j.datasets.CsvChunkReader.Chunk;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Where {@code automl predict} takes its chunks of rows from: a CSV file read in a stream ({@link CsvChunkReader}), or an
 * ARFF table read whole and given as one chunk. Not thread-safe.
 */
interface PredictSource extends AutoCloseable {
    List<String> header();

    Chunk next(int maxRows);

    @Override
    void close();

    static PredictSource of(CsvChunkReader reader) {
        return new PredictSource() {
            public List<String> header() {
                return reader.header();
            }

            public Chunk next(int maxRows) {
                return reader.next(maxRows);
            }

            public void close() {
                reader.close();
            }
        };
    }

    // The whole table as one chunk; ARFF has no line numbers to name, so rows are named by number only.
    static PredictSource whole(Table table) {
        Chunk[] left = {wholeChunk(table)};
        return new PredictSource() {
            public List<String> header() {
                return table.columnNames();
            }

            public Chunk next(int maxRows) {
                Chunk c = left[0];
                left[0] = null;
                return c;
            }

            public void close() {
            }
        };
    }

    private static Chunk wholeChunk(Table table) {
        int n = table.rowCount();
        long[] rows = new long[n];
        List<List<String>> fields = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            rows[r] = r + 1;
            List<String> f = new ArrayList<>(table.columnCount());
            for (int c = 0; c < table.columnCount(); c++) {
                f.add(Cells.text(table.column(c), r));
            }
            fields.add(f);
        }
        return new Chunk(table, rows, new int[n], fields, List.of());
    }
}
