package automl4j.internal;

/**
 * Writes one CSV field by RFC 4180 (quoted when it holds a comma, quote or line break) and splits a line so written.
 * Shared by every CSV AutoML4J writes and reads back.
 */
public final class CsvFields {
    private CsvFields() {
    }

    /** {@code s} as a CSV field. */
    public static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** The fields of one CSV line as {@link #quote} writes them (quoted fields may hold commas and doubled quotes). */
    public static java.util.List<String> split(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
