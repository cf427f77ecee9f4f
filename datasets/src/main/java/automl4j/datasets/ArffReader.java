package automl4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Reads a dense ARFF file (Weka's format) into a table of text columns: {@code ?} is missing, quoted values are
 * unquoted, nominal values are checked against their declaration. Sparse ARFF ({@code {index value, ...}}) is
 * rejected with a message. Immutable and thread-safe.
 */
public final class ArffReader {
    /** A reader. */
    public ArffReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file, line and attribute of any problem
     */
    public Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException("data file " + file + " does not exist or is not a file");
        }
        List<String> names = new ArrayList<>();
        List<Set<String>> nominal = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        boolean inData = false;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String raw;
            while ((raw = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && raw.startsWith("\uFEFF")) {
                    raw = raw.substring(1);   // a UTF-8 byte-order mark
                }
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("%")) {
                    continue;
                }
                String lower = line.toLowerCase(Locale.ROOT);
                if (!inData) {
                    if (lower.startsWith("@relation")) {
                        continue;
                    }
                    if (lower.startsWith("@attribute")) {
                        parseAttribute(line.substring("@attribute".length()).strip(), file, lineNo, names, nominal);
                        columns.add(new ArrayList<>());
                        continue;
                    }
                    if (lower.startsWith("@data")) {
                        if (names.isEmpty()) {
                            throw new DataFormatException(file + ", line " + lineNo + ": @data before any @attribute");
                        }
                        inData = true;
                        continue;
                    }
                    throw new DataFormatException(file + ", line " + lineNo + ": expected @relation, @attribute or @data, but found '" + abbreviate(line) + "'");
                }
                if (line.startsWith("{")) {
                    throw new DataFormatException(file + ", line " + lineNo + ": sparse ARFF rows are not supported; convert the file to dense ARFF or CSV");
                }
                List<String> values = splitRow(line, file, lineNo);
                if (values.size() != names.size()) {
                    throw new DataFormatException(file + ", line " + lineNo + ": expected " + names.size()
                            + " values as declared by @attribute, but found " + values.size());
                }
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    Set<String> allowed = nominal.get(c);
                    if (v != null && allowed != null && !allowed.contains(v)) {
                        throw new DataFormatException(file + ", line " + lineNo + ", attribute '" + names.get(c)
                                + "': value '" + v + "' is not one of the declared values " + allowed);
                    }
                    columns.get(c).add(v);
                }
            }
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new DataFormatException(file + " is empty or has no @attribute lines");
        }
        if (columns.get(0).isEmpty()) {
            throw new DataFormatException(file + " has no data rows after @data");
        }
        Table table = TextColumns.table(file.getFileName().toString(), names, columns);
        return table;
    }

    private static void parseAttribute(String rest, Path file, int lineNo, List<String> names, List<Set<String>> nominal) {
        List<String> tokens;
        String name;
        String type;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            char q = rest.charAt(0);
            int end = rest.indexOf(q, 1);
            if (end < 0) {
                throw new DataFormatException(file + ", line " + lineNo + ": attribute name quote is not closed");
            }
            name = rest.substring(1, end);
            type = rest.substring(end + 1).strip();
        } else {
            String[] parts = rest.split("\\s+", 2);
            if (parts.length < 2) {
                throw new DataFormatException(file + ", line " + lineNo + ": @attribute needs a name and a type");
            }
            name = parts[0];
            type = parts[1].strip();
        }
        if (names.contains(name)) {
            throw new DataFormatException(file + ", line " + lineNo + ": duplicate attribute name '" + name + "'");
        }
        names.add(name);
        if (type.startsWith("{")) {
            int end = type.lastIndexOf('}');
            if (end < 0) {
                throw new DataFormatException(file + ", line " + lineNo + ": nominal values of '" + name + "' are not closed with '}'");
            }
            tokens = splitRow(type.substring(1, end), file, lineNo);
            Set<String> values = new HashSet<>();
            for (String t : tokens) {
                if (t != null) {
                    values.add(t);
                }
            }
            nominal.add(values);
        } else {
            String t = type.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!Set.of("numeric", "real", "integer", "string", "date").contains(t)) {
                throw new DataFormatException(file + ", line " + lineNo + ": attribute '" + name + "' has unknown type '" + type
                        + "'; expected numeric, real, integer, string, date or {nominal values}");
            }
            nominal.add(null);
        }
    }

    // Values are separated by commas; single or double quotes protect commas; '?' is missing.
    private static List<String> splitRow(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        try (StringReader r = new StringReader(line)) {
            StringBuilder cur = new StringBuilder();
            int c;
            char quote = 0;
            boolean wasQuoted = false;
            while ((c = r.read()) != -1) {
                if (quote != 0) {
                    if (c == '\\') {
                        int d = r.read();
                        cur.append((char) d);
                    } else if (c == quote) {
                        quote = 0;
                    } else {
                        cur.append((char) c);
                    }
                } else if ((c == '\'' || c == '"') && cur.toString().isBlank()) {
                    quote = (char) c;
                    wasQuoted = true;
                    cur.setLength(0);
                } else if (c == ',') {
                    out.add(value(cur, wasQuoted));
                    cur.setLength(0);
                    wasQuoted = false;
                } else {
                    cur.append((char) c);
                }
            }
            if (quote != 0) {
                throw new DataFormatException(file + ", line " + lineNo + ": quoted value is not closed");
            }
            out.add(value(cur, wasQuoted));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String value(StringBuilder cur, boolean quoted) {
        String v = quoted ? cur.toString() : cur.toString().strip();
        if (!quoted && (v.equals("?") || v.isEmpty())) {
            return null;
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
