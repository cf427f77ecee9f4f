package automl4j.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV body (RFC 4180: a header line, then one line per row; commas; fields in double quotes may hold commas,
 * quotes doubled and line breaks; CRLF or LF) into rows of text cells, as {@code automl predict} reads a file: a cell
 * stays a string and an empty one is a missing value. A UTF-8 byte order mark before the header is dropped.
 */
final class CsvRows {
    private final String text;
    private int pos;

    private CsvRows(String text) {
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /**
     * The rows of {@code body}; rows count from 0 after the header, as in JSON bodies.
     *
     * @throws HttpProblem 400 for a missing header, a repeated column name, a row of the wrong width or an unclosed
     *                     quote; 413 past {@code maxRows}
     */
    static List<Map<String, Object>> parse(String body, int maxRows) {
        CsvRows csv = new CsvRows(body);
        List<String> header = csv.line(-1);
        if (header == null || (header.size() == 1 && header.get(0).isEmpty())) {
            throw new HttpProblem(400, "bad_csv", "a CSV body needs a header line naming the columns, then one line per row");
        }
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                throw new HttpProblem(400, "bad_csv", "the CSV header names column '" + h + "' twice");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<String> cells = csv.line(0); cells != null; cells = csv.line(rows.size())) {
            if (cells.size() == 1 && cells.get(0).isEmpty() && csv.atEnd()) {
                break;   // a blank last line
            }
            int index = rows.size();
            if (index == maxRows) {
                throw RowLimit.exceeded(maxRows);
            }
            if (cells.size() != header.size()) {
                throw new HttpProblem(400, "bad_csv", "row " + index + " has " + cells.size() + " cells, but the header has "
                        + header.size() + " columns");
            }
            Map<String, Object> row = new HashMap<>(header.size() * 2);
            for (int c = 0; c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    /** The next line's fields, or null at the end of the text; {@code index} names the row in an error (-1: header). */
    private List<String> line(int index) {
        if (atEnd()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (quoted) {
                if (ch == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new HttpProblem(400, "bad_csv", (index < 0 ? "the header" : "row " + index) + " has a quote that is never closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
