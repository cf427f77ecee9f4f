package automl4j.datasets;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 text into records; an empty field becomes {@code null}. Tracks line numbers for messages. */
final class RecordScanner {
    private final Reader in;
    private final char separator;
    private final String source;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;

    RecordScanner(Reader in, char separator, String source) {
        this.in = in;
        this.separator = separator;
        this.source = source;
    }

    /** The 1-based line on which the last record returned by {@link #next()} started. */
    int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quotedField = false;
        while (true) {
            if (c == '"' && field.length() == 0 && !quotedField) {
                quotedField = true;
                readQuoted(field);
                c = read();
                continue;
            }
            if (c == separator) {
                fields.add(finish(field, quotedField));
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(finish(field, quotedField));
                return fields;
            } else {
                if (quotedField) {
                    throw new DataFormatException(source + ", line " + line + ": unexpected character '" + (char) c
                            + "' after a closing quote; a field that has quotes must be wholly quoted");
                }
                field.append((char) c);
            }
            c = read();
        }
    }

    private void readQuoted(StringBuilder field) throws IOException {
        int start = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new DataFormatException(source + ", line " + start + ": quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                int d = read();
                if (d == '"') {
                    field.append('"');
                    continue;
                }
                unread(d);
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private static String finish(StringBuilder field, boolean quoted) {
        return field.length() == 0 ? null : field.toString();
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
