package automl4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table printed with its columns aligned: a header row, then the rows; a column of numbers is aligned right. */
final class TextTable {
    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns named {@code header}; a name ending in {@code '>'} marks a right-aligned column (the mark is dropped). */
    TextTable(String... header) {
        this.right = new boolean[header.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            right[i] = header[i].endsWith(">");
            names.add(right[i] ? header[i].substring(0, header[i].length() - 1) : header[i]);
        }
        this.header = names;
    }

    /** Adds a row; null cells print as {@code -}. */
    TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(header, width, out);
        for (List<String> r : rows) {
            line(r, width, out);
        }
    }

    private void line(List<String> cells, int[] width, PrintStream out) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) {
                b.append("  ");
            }
            b.append(right[i] ? pad + c : i == cells.size() - 1 ? c : c + pad);
        }
        out.println(b);
    }
}
