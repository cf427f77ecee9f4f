package automl4j.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file into a Tablesaw table of text columns, following the benchmark protocol's rules: the first line is
 * the header, fields follow RFC 4180 quoting, only an empty field is missing, and every cell is kept as the exact
 * string in the file (column kinds are inferred later by the featurizer, from training rows only).
 *
 * <p>Why not Tablesaw's own CSV reader: it guesses types from the whole file and in doing so reads {@code "1,5"} as
 * 15 and {@code 007} as 7, treats {@code NA} and {@code ?} as missing, and reports short rows without their line
 * number (see {@code ../shared/DEPENDENCIES.md}). This reader keeps every cell and names the line and column of any
 * problem. Immutable and thread-safe.
 */
public final class CsvReader {
    private final char separator;

    private CsvReader(char separator) {
        this.separator = separator;
    }

    /** A reader for comma-separated files. */
    public static CsvReader comma() {
        return new CsvReader(',');
    }

    /** A reader for files separated by {@code separator} (not a quote, CR or LF). */
    public static CsvReader withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator must not be a quote or a line break, but was " + (int) separator);
        }
        return new CsvReader(separator);
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file, line and column for a missing, unreadable or empty file, a header
     *                             without data rows, an empty or duplicate column name, a row with the wrong number of
     *                             fields, or an unclosed quote
     */
    public Table read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException("data file " + file + " does not exist or is not a file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataFormatException(file + " is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV text from {@code in}; {@code source} names it in messages. */
    public Table parse(Reader in, String source) throws IOException {
        RecordScanner scanner = new RecordScanner(in, separator, source);
        List<String> header = scanner.next();
        if (header == null) {
            throw new DataFormatException(source + " is empty; expected a header line and data rows");
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name == null || name.isBlank()) {
                throw new DataFormatException(source + ", line 1, column " + (c + 1) + ": column name is empty");
            }
            if (!seen.add(name)) {
                throw new DataFormatException(source + ", line 1, column " + (c + 1) + ": duplicate column name '" + name + "'");
            }
        }
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            columns.add(new ArrayList<>());
        }
        List<String> row;
        while ((row = scanner.next()) != null) {
            if (row.size() == 1 && row.get(0) == null && header.size() > 1) {
                continue;   // a blank line carries no row
            }
            if (row.size() != header.size()) {
                throw new DataFormatException(source + ", line " + scanner.recordLine() + ": expected " + header.size()
                        + " fields as in the header, but found " + row.size());
            }
            for (int c = 0; c < row.size(); c++) {
                columns.get(c).add(row.get(c));
            }
        }
        if (columns.get(0).isEmpty()) {
            throw new DataFormatException(source + " has a header but no data rows");
        }
        Table table = Table.create(Path.of(source).getFileName().toString());
        for (int c = 0; c < header.size(); c++) {
            StringColumn col = StringColumn.create(header.get(c));
            for (String v : columns.get(c)) {
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append(v);
                }
            }
            table.addColumns(col);
        }
        return table;
    }
}
