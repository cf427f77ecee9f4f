package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.DataException;
import automl4j.learn.Predictions;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * Predicts one chunk of rows and, when the model refuses it, finds the rows it refuses by halving the chunk until one
 * row is left, so a bad cell costs about twice the chunk's prediction rather than a prediction per row. The model's
 * predictions of a row do not depend on the other rows of its batch (the transform encodes row by row and the learners
 * predict row by row), so the good rows' predictions are the same as in one batch; {@code PredictStreamTest} checks it
 * to the bit. Only {@link IllegalArgumentException} (a cell the model cannot read) marks a row bad; any other failure
 * stops the command. Stateless.
 */
final class ChunkScorer {
    /**
     * What the model made of a chunk.
     *
     * @param good        the table rows that were predicted, in order
     * @param predictions their predictions, row for row; null when no row was good
     * @param bad         the refused table rows, in order, each with why
     */
    record Scored(int[] good, Predictions predictions, Map<Integer, String> bad) {
    }

    private ChunkScorer() {
    }

    static Scored score(AutoMlModel model, Table chunk) {
        int n = chunk.rowCount();
        int[] all = range(0, n);
        try {
            return new Scored(all, model.predict(chunk), Map.of());
        } catch (DataException | IllegalArgumentException e) {
            // one or more rows hold a cell the model cannot read: find them
        }
        TreeMap<Integer, String> bad = new TreeMap<>();
        findBad(model, chunk, 0, n, bad);
        int[] good = new int[n - bad.size()];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!bad.containsKey(r)) {
                good[k++] = r;
            }
        }
        Predictions p = good.length == 0 ? null : model.predict(chunk.rows(good));
        return new Scored(good, p, bad);
    }

    private static void findBad(AutoMlModel model, Table chunk, int from, int to, Map<Integer, String> bad) {
        try {
            model.predict(chunk.rows(range(from, to)));
            return;
        } catch (DataException | IllegalArgumentException e) {
            if (to - from == 1) {
                bad.put(from, reason(e.getMessage()));
                return;
            }
        }
        int mid = (from + to) >>> 1;
        findBad(model, chunk, from, mid, bad);
        findBad(model, chunk, mid, to, bad);
    }

    // The transform names the row of the one-row table it was given ("column 'age' row 1 must be a number"); the
    // caller names the file row instead.
    static String reason(String message) {
        String m = message == null ? "the model cannot read this row" : message;
        return m.replace("' row 1 must", "' must");
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
