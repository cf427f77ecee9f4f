package automl4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's warnings about the rows of a file scored chunk by chunk, said once for the whole file: a warning that
 * repeats in every chunk (columns the model ignores) is kept once, and the count of cells that are not numbers is
 * summed over chunks with the first examples kept, their row numbers those of the file. Not thread-safe.
 */
final class PredictWarnings {
    // As written by the featurizer's numeric encoder: "column 'a': 2 cells are not numbers and are read as missing, e.g.
    // 'n/a' (row 2), 'NaN' (row 3)".
    private static final Pattern NON_NUMBERS = Pattern.compile(
            "column '(.*)': (\\d+) cells are not numbers and are read as missing, e\\.g\\. (.*)");
    private static final Pattern EXAMPLE_ROW = Pattern.compile("\\(row (\\d+)\\)");
    private static final int EXAMPLES = 3;

    private final Map<String, String> plain = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    /** Adds the warnings of one chunk, whose table row {@code i} is file row {@code fileRows[i]}. */
    void add(List<String> warnings, long[] fileRows) {
        for (String w : warnings) {
            Matcher m = NON_NUMBERS.matcher(w);
            if (!m.matches()) {
                plain.putIfAbsent(w, w);
                continue;
            }
            String column = m.group(1);
            counts.computeIfAbsent(column, c -> new long[1])[0] += Long.parseLong(m.group(2));
            List<String> kept = examples.computeIfAbsent(column, c -> new ArrayList<>());
            for (String example : m.group(3).split(", (?=')")) {
                if (kept.size() < EXAMPLES) {
                    kept.add(fileRow(example, fileRows));
                }
            }
        }
    }

    /** Every warning, in the order first seen. */
    List<String> all() {
        List<String> out = new ArrayList<>(plain.keySet());
        counts.forEach((column, n) -> out.add("column '" + column + "': " + n[0]
                + " cells are not numbers and are read as missing, e.g. " + String.join(", ", examples.get(column))));
        return out;
    }

    private static String fileRow(String example, long[] fileRows) {
        Matcher m = EXAMPLE_ROW.matcher(example);
        if (!m.find()) {
            return example;
        }
        int r = Integer.parseInt(m.group(1));
        long row = r >= 1 && r <= fileRows.length ? fileRows[r - 1] : r;
        return example.substring(0, m.start()) + "(row " + row + ")" + example.substring(m.end());
    }
}
