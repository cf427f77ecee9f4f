package automl4j.cli;

import automl4j.datasets.DataFormatException;
import automl4j.internal.CsvFields;
import automl4j.learn.Predictions;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the rows of {@code automl predict} as they are scored: each predicted row to the predictions file (the kept
 * input columns, then the predicted label and class probabilities, or the value), each bad row to the rejects file (its
 * fields as in the input, then the reason) or, without a rejects file, stops at the first bad row naming it. Counts
 * what it wrote. Not thread-safe.
 */
final class PredictRows {
    private final String source;
    private final Writer out;
    private final Writer rejects;
    private final int[] keep;
    private int width;
    private long scored;
    private long rejected;

    /**
     * @param keep    the input columns passed through, as indexes into the input's fields
     * @param rejects the rejects file, or null to stop at the first bad row
     */
    PredictRows(String source, Writer out, Writer rejects, int[] keep) {
        this.source = source;
        this.out = out;
        this.rejects = rejects;
        this.keep = keep.clone();
    }

    /** The file row {@code row} starting on {@code line} (0 when unknown), as messages name it. */
    static String where(String source, long row, int line) {
        return source + ", row " + row + (line > 0 ? " (line " + line + ")" : "");
    }

    /** Writes the header of the predictions file and, if any, of the rejects file. */
    void writeHeaders(List<String> header, List<String> keptNames, String target, List<String> classes) throws IOException {
        this.width = header.size();
        StringBuilder b = new StringBuilder();
        for (String k : keptNames) {
            b.append(CsvFields.quote(k)).append(',');
        }
        b.append(CsvFields.quote("predicted_" + target));
        for (String c : classes) {
            b.append(',').append(CsvFields.quote("p_" + c));
        }
        out.write(b.append('\n').toString());
        if (rejects != null) {
            StringBuilder r = new StringBuilder();
            for (String h : header) {
                r.append(CsvFields.quote(h)).append(',');
            }
            rejects.write(r.append("reason\n").toString());
        }
    }

    /** Writes the prediction {@code i} of {@code p} for a row with {@code fields}. */
    void predicted(List<String> fields, Predictions p, int i) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int k : keep) {
            String v = fields.get(k);
            b.append(v == null ? "" : CsvFields.quote(v)).append(',');
        }
        if (p.hasProbabilities()) {
            b.append(CsvFields.quote(p.label(i)));
            for (double v : p.probabilities(i)) {
                b.append(',').append(v);
            }
        } else {
            b.append(p.value(i));
        }
        out.write(b.append('\n').toString());
        scored++;
    }

    /**
     * A bad row: written to the rejects file with {@code reason}, or, without one, an error naming the row.
     *
     * @throws DataFormatException without a rejects file
     */
    void bad(long row, int line, List<String> fields, String reason) throws IOException {
        if (rejects == null) {
            throw new DataFormatException(where(source, row, line) + ": " + reason + "; to write such rows to a file and score "
                    + "the others, use --rejects FILE");
        }
        // A row with more fields than the header keeps its extra fields in the reason, so the columns stay aligned and
        // nothing of the row is lost; a shorter one is padded with empty fields.
        StringBuilder b = new StringBuilder(64);
        StringBuilder extra = new StringBuilder();
        for (int c = 0; c < Math.max(width, fields.size()); c++) {
            String v = c < fields.size() ? fields.get(c) : null;
            if (c < width) {
                b.append(v == null ? "" : CsvFields.quote(v)).append(',');
            } else {
                extra.append(extra.length() == 0 ? "; fields beyond the header: " : ", ").append(v == null ? "''" : "'" + v + "'");
            }
        }
        b.append(CsvFields.quote(where(source, row, line) + ": " + reason + extra));
        rejects.write(b.append('\n').toString());
        rejected++;
    }

    long scored() {
        return scored;
    }

    long rejected() {
        return rejected;
    }
}
