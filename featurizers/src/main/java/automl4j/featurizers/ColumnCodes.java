package automl4j.featurizers;

import automl4j.data.Cells;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;

/**
 * Maps the cells of a column to category indexes. A Tablesaw string column already stores a dictionary key per row,
 * so its rows are mapped key by key (one string lookup per distinct value, then integer lookups); other columns, and
 * string columns with too many distinct values for Tablesaw to keep a dictionary, are read as text row by row.
 */
final class ColumnCodes {
    /** Code of a missing cell. */
    static final int MISSING = -2;
    /** Code of a value that is not in the index. */
    static final int UNSEEN = -1;

    private ColumnCodes() {
    }

    /** Per row of the batch: the index of its value in {@code index}, {@link #UNSEEN} or {@link #MISSING}. */
    static int[] lookup(Column<?> column, int[] rows, int n, Map<String, Integer> index) {
        return codes(column, rows, n, s -> index.getOrDefault(s, UNSEEN));
    }

    /** Positions of {@code levels}: the index {@link #lookup} reads. */
    static Map<String, Integer> index(java.util.List<String> levels) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        return index;
    }

    // One code per present value from codeOf, MISSING for missing cells; a dictionary-encoded column calls codeOf once
    // per distinct value.
    private static int[] codes(Column<?> column, int[] rows, int n, java.util.function.ToIntFunction<String> codeOf) {
        int[] out = new int[n];
        if (column instanceof StringColumn sc && !(sc.getDictionary() instanceof NullDictionaryMap)) {
            DictionaryMap dictionary = sc.getDictionary();
            Int2IntOpenHashMap byKey = new Int2IntOpenHashMap();
            byKey.defaultReturnValue(Integer.MIN_VALUE);
            for (int i = 0; i < n; i++) {
                int key = dictionary.getKeyForIndex(ColumnEncoder.row(rows, i));
                int code = byKey.get(key);
                if (code == Integer.MIN_VALUE) {
                    String s = dictionary.getValueForKey(key);
                    code = s == null || s.isEmpty() ? MISSING : codeOf.applyAsInt(s);
                    byKey.put(key, code);
                }
                out[i] = code;
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            String s = Cells.text(column, ColumnEncoder.row(rows, i));
            out[i] = s == null ? MISSING : codeOf.applyAsInt(s);
        }
        return out;
    }

    /**
     * Per row of the batch: the cell read as a number (NaN when missing or not a number). A dictionary-encoded string
     * column is parsed once per distinct value rather than once per row.
     */
    static double[] numbers(Column<?> column, int[] rows, int n) {
        double[] out = new double[n];
        if (column instanceof StringColumn sc && !(sc.getDictionary() instanceof NullDictionaryMap)) {
            DictionaryMap dictionary = sc.getDictionary();
            it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap byKey = new it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap();
            for (int i = 0; i < n; i++) {
                int key = dictionary.getKeyForIndex(ColumnEncoder.row(rows, i));
                double v;
                if (byKey.containsKey(key)) {
                    v = byKey.get(key);
                } else {
                    String s = dictionary.getValueForKey(key);
                    v = s == null || s.isEmpty() ? Double.NaN : Cells.parse(s);
                    byKey.put(key, v);
                }
                out[i] = v;
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Cells.number(column, ColumnEncoder.row(rows, i));
        }
        return out;
    }

    /**
     * Per row: the index of its value in {@code index}, adding values not yet there (in row order) to it and to
     * {@code levels}; {@link #MISSING} for missing cells.
     */
    static int[] assign(Column<?> column, int[] rows, Map<String, Integer> index, java.util.List<String> levels) {
        return codes(column, rows, rows.length, s -> index.computeIfAbsent(s, k -> {
            levels.add(k);
            return levels.size() - 1;
        }));
    }
}
