package automl4j.datasets;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file into a Tablesaw table of text columns, following the benchmark protocol's rules: the first line is
 * the header, fields follow RFC 4180 quoting, only an empty field is missing, and every cell is kept as the exact
 * string in the file (column kinds are inferred later by the featurizer, from training rows only). A UTF-8 byte-order
 * mark before the header is skipped. {@link ReadOptions} change the separator, add missing-value tokens, read
 * infinities as missing and read decimal commas; by default an infinite number in a numeric column is an error naming
 * the file, row and column.
 *
 * <p>Why not Tablesaw's own CSV reader: it guesses types from the whole file and in doing so reads {@code "1,5"} as
 * 15 and {@code 007} as 7, treats {@code NA} and {@code ?} as missing, and reports short rows without their line
 * number (see {@code ../shared/DEPENDENCIES.md}). This reader keeps every cell and names the line and column of any
 * problem. Immutable and thread-safe.
 */
public final class CsvReader {
    private static final char BOM = '\uFEFF';
    private final ReadOptions options;

    private CsvReader(ReadOptions options) {
        this.options = options;
    }

    /** A reader for comma-separated files; a header with no comma but a {@code ;} or a tab is refused with a hint. */
    public static CsvReader comma() {
        return new CsvReader(ReadOptions.defaults());
    }

    /** A reader for files separated by {@code separator} (not a quote, CR or LF). */
    public static CsvReader withSeparator(char separator) {
        return new CsvReader(new ReadOptions(separator, List.of(), false, '.'));
    }

    /** A reader with {@code options}. */
    public static CsvReader of(ReadOptions options) {
        return new CsvReader(Objects.requireNonNull(options, "options"));
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file, line and column for a missing, unreadable or empty file, a header
     *                             without data rows, an empty or duplicate column name, a row with the wrong number of
     *                             fields, an unclosed quote, a header that looks separated by another character, or an
     *                             infinite number in a numeric column
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
        PushbackReader bomless = new PushbackReader(in, 1);
        int first = bomless.read();
        if (first != -1 && first != BOM) {
            bomless.unread(first);
        }
        RecordScanner scanner = new RecordScanner(bomless, options.effectiveSeparator(), source);
        List<String> header = readHeader(scanner, options, source);
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            columns.add(new ArrayList<>());
        }
        CellRules rules = new CellRules(options, source);
        List<String> row;
        while ((row = scanner.next()) != null) {
            if (row.size() == 1 && row.get(0) == null && header.size() > 1) {
                continue;   // a blank line carries no row
            }
            if (row.size() != header.size()) {
                throw new DataFormatException(source + ", line " + scanner.recordLine() + ": expected " + header.size()
                        + " fields as in the header, but found " + row.size());
            }
            rules.startRow(scanner.recordLine());
            for (int c = 0; c < row.size(); c++) {
                columns.get(c).add(rules.cell(row.get(c)));
            }
        }
        if (columns.get(0).isEmpty()) {
            throw new DataFormatException(source + " has a header but no data rows");
        }
        for (int c = 0; c < header.size(); c++) {
            rules.checkInfinities(header.get(c), columns.get(c));
        }
        Table table = TextColumns.table(Path.of(source).getFileName().toString(), header, columns);
        return table;
    }

    /**
     * The header of {@code scanner}'s text, checked: present, not split by another separator (unless one was given), no
     * empty or duplicate names. Shared with {@link CsvChunkReader}, so a file streamed reads the same columns.
     */
    static List<String> readHeader(RecordScanner scanner, ReadOptions options, String source) throws IOException {
        List<String> header = scanner.next();
        if (header == null) {
            throw new DataFormatException(source + " is empty; expected a header line and data rows");
        }
        if (options.separator() == null && header.size() == 1 && header.get(0) != null) {
            checkSeparator(header.get(0), source);
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
        return header;
    }

    // A one-column header holding ';' or a tab is almost always a file written with another separator: say so rather
    // than fail later with "column 'y' not found; columns are [a;b;y]".
    private static void checkSeparator(String header, String source) {
        for (char sep : new char[] {';', '\t', '|'}) {
            if (header.indexOf(sep) >= 0) {
                String shown = sep == '\t' ? "\\t" : String.valueOf(sep);
                throw new DataFormatException(source + ", line 1: the header has no ',' but has '" + shown + "'; if the file is '"
                        + shown + "'-separated, set the config key data.separator: \"" + shown + "\" (option --separator for "
                        + "check and predict)");
            }
        }
    }
}
