package automl4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file a chunk of rows at a time, in memory bounded by the chunk, for scoring files of any size. Each chunk
 * is a table of text columns holding exactly the cells {@link CsvReader} would hold for those rows (the same header
 * checks, quoting, missing-value tokens and decimal commas), so a model reads a chunk as it reads the whole file: the
 * fitted transform parses numbers from text by the kinds it learned, never by what one chunk happens to look like.
 *
 * <p>Two rules differ from {@link CsvReader}, because the whole file is never seen at once. An infinite number is
 * checked only in the columns the caller names as numeric (the model's numeric inputs), not in columns that are at least
 * half numbers over the whole file; with {@link ReadOptions#infinityAsMissing()} it becomes missing there. And a row
 * with the wrong number of fields or an infinite number is not an exception but a {@link Rejected} row of its chunk,
 * so the caller decides whether it stops the run. Broken quoting stops reading: the rest of the file cannot be split.
 * Not thread-safe; close it when done.
 */
public final class CsvChunkReader implements AutoCloseable {
    private static final char BOM = '\uFEFF';
    private final Reader in;
    private final RecordScanner scanner;
    private final String source;
    private final List<String> header;
    private final ReadOptions options;
    private final CellRules rules;
    private final boolean[] infinityChecked;
    private long rowsRead;

    /**
     * A data row left out of a chunk, with its fields as read (null for an empty field) and why.
     *
     * @param row    1-based data row number in the file (header and blank lines not counted)
     * @param line   1-based line of the file on which the row starts
     * @param fields the fields as read, possibly more or fewer than the header has
     * @param reason what is wrong, naming the column where one is at fault
     */
    public record Rejected(long row, int line, List<String> fields, String reason) {
        public Rejected {
            fields = java.util.Collections.unmodifiableList(new ArrayList<>(fields));
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Rows read in one step.
     *
     * @param table    the well-formed rows, as text columns in header order
     * @param rows     the 1-based file row number of each table row
     * @param lines    the 1-based line on which each table row starts
     * @param fields   the fields of each table row as they are in the file, before missing-value tokens and decimal
     *                 commas are applied (null for an empty field): what a row passed through or rejected shows
     * @param rejected the rows of this step that could not be read, in file order
     */
    public record Chunk(Table table, long[] rows, int[] lines, List<List<String>> fields, List<Rejected> rejected) {
        public Chunk {
            fields = java.util.Collections.unmodifiableList(new ArrayList<>(fields));
            rejected = List.copyOf(rejected);
        }

        /** Rows read in this step: the table's rows and the rejected ones. */
        public int rowsRead() {
            return table.rowCount() + rejected.size();
        }
    }

    private CsvChunkReader(Reader in, String source, ReadOptions options, Set<String> numericColumns) throws IOException {
        this.in = in;
        this.source = source;
        this.options = options;
        PushbackReader bomless = new PushbackReader(in, 1);
        int first = bomless.read();
        if (first != -1 && first != BOM) {
            bomless.unread(first);
        }
        this.scanner = new RecordScanner(bomless, options.effectiveSeparator(), source);
        this.header = List.copyOf(CsvReader.readHeader(scanner, options, source));
        this.rules = new CellRules(options, source);
        this.infinityChecked = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            infinityChecked[c] = numericColumns.contains(header.get(c));
        }
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @param numericColumns columns in which an infinite number is an error (or missing, by {@code options}); usually
     *                       the model's numeric inputs
     * @throws DataFormatException naming the file for a missing, unreadable or empty file or a bad header
     */
    public static CsvChunkReader open(Path file, ReadOptions options, Set<String> numericColumns) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Set<String> numeric = Set.copyOf(numericColumns);
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException("data file " + file + " does not exist or is not a file");
        }
        Reader r = null;
        try {
            // A reader that reports bad bytes, as Files.newBufferedReader does, with a larger buffer for long files.
            r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            return new CsvChunkReader(r, file.toString(), options, numeric);
        } catch (IOException | RuntimeException e) {
            closeQuietly(r);
            throw e instanceof DataFormatException d ? d : failure(file.toString(), e);
        }
    }

    /** The column names of the header, in file order. */
    public List<String> header() {
        return header;
    }

    /** Data rows read so far, rejected ones included. */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * The next at most {@code maxRows} data rows (well-formed and rejected together), or null at the end of the file.
     *
     * @throws DataFormatException for broken quoting or text that is not UTF-8, naming the file and line
     */
    public Chunk next(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, but was " + maxRows);
        }
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            columns.add(new ArrayList<>());
        }
        long[] rows = new long[Math.min(maxRows, 1024)];
        int[] lines = new int[rows.length];
        int kept = 0;
        List<List<String>> raw = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        try {
            while (kept + rejected.size() < maxRows) {
                List<String> record = scanner.next();
                if (record == null) {
                    break;
                }
                if (record.size() == 1 && record.get(0) == null && header.size() > 1) {
                    continue;   // a blank line carries no row, as in CsvReader
                }
                long row = ++rowsRead;
                int line = scanner.recordLine();
                String problem = record.size() != header.size()
                        ? "expected " + header.size() + " fields as in the header, but found " + record.size() : null;
                List<String> cells = new ArrayList<>(record.size());
                for (int c = 0; c < record.size(); c++) {
                    String v = problem == null ? rules.cell(record.get(c)) : record.get(c);
                    if (problem == null && v != null && infinityChecked[c] && CellRules.isInfinite(v)) {
                        if (options.infinityAsMissing()) {
                            v = null;
                        } else {
                            problem = "column '" + header.get(c) + "': '" + v + "' is an infinite number, but numbers must be finite;"
                                    + " to read infinities as missing values, use --infinity missing (config key data.infinity)";
                        }
                    }
                    cells.add(v);
                }
                if (problem != null) {
                    rejected.add(new Rejected(row, line, record, problem));
                    continue;
                }
                if (kept == rows.length) {
                    rows = Arrays.copyOf(rows, kept * 2);
                    lines = Arrays.copyOf(lines, kept * 2);
                }
                rows[kept] = row;
                lines[kept] = line;
                kept++;
                raw.add(record);
                for (int c = 0; c < cells.size(); c++) {
                    columns.get(c).add(cells.get(c));
                }
            }
        } catch (IOException e) {
            throw failure(source, e);
        }
        if (kept == 0 && rejected.isEmpty()) {
            if (rowsRead == 0) {
                throw new DataFormatException(source + " has a header but no data rows");
            }
            return null;
        }
        Table table = TextColumns.table(Path.of(source).getFileName().toString(), header, columns);
        return new Chunk(table, Arrays.copyOf(rows, kept), Arrays.copyOf(lines, kept), raw, rejected);
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static DataFormatException failure(String source, Exception e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return new DataFormatException(source + " is not valid UTF-8 text", e);
        }
        return new DataFormatException("cannot read " + source + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Reader r) {
        if (r != null) {
            try {
                r.close();
            } catch (IOException e) {
                // nothing was written; a failed close of a file read loses nothing
            }
        }
    }
}
