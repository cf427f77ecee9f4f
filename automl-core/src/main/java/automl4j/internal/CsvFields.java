package automl4j.internal;

/** Writes one CSV field by RFC 4180: quoted when it holds a comma, quote or line break. Shared by every CSV AutoML4J writes. */
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
}
