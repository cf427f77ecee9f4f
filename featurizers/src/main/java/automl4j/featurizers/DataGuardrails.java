package automl4j.featurizers;

import automl4j.featurize.Guardrail;
import automl4j.featurize.Guardrail.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The featurizer's data guardrails, in a fixed order: missing values, high cardinality, ID-like columns, constant
 * columns, duplicate rows, target leakage. (Class imbalance and classes too rare for the validation folds are about
 * the target alone; the engine checks them.)
 */
final class DataGuardrails {
    /** Share of repeated rows from which duplicates are an alert: a few repeats are normal in real data. */
    static final double DUPLICATE_ALERT_SHARE = 0.05;

    private DataGuardrails() {
    }

    /**
     * What the featurizer learned about one input column.
     *
     * @param missing      missing cells, including those of a numeric column that are not numbers
     * @param nonNumeric   cells of a numeric column that are not numbers (read as missing), with examples
     * @param decimalComma an example cell when the column looks like numbers written with a decimal comma, else null
     * @param mostlyNumeric for a column read as categories though most of its cells are numbers, the share and its
     *                      other values ({@link NumberCells#mostlyNumeric}), else null
     */
    record ColumnFacts(String name, ColumnKind kind, int missing, int distinct, double leakageScore, boolean dropped,
                       NumberCells.Examples nonNumeric, String decimalComma, String mostlyNumeric) {
    }

    static List<Guardrail> check(List<ColumnFacts> columns, int rows, int duplicateRows, FeaturizerOptions options) {
        List<Guardrail> out = new ArrayList<>();
        out.add(missing(columns, rows, options));
        out.add(byKind(columns, "high-cardinality", List.of(ColumnKind.HIGH_CARDINALITY), "no categorical column has more than "
                + options.oneHotMax() + " distinct values", "more than " + options.oneHotMax() + " distinct values; encoded with "
                + switch (options.highCardinality()) {
                    case TARGET -> "out-of-fold target encoding and frequency";
                    case FREQUENCY -> "frequency and frequency rank";
                    case HASHING -> HashedCategoryEncoder.BUCKETS + " hashed buckets";
                }));
        out.add(byKind(columns, "id-like-columns", List.of(ColumnKind.ID_LIKE), "no column looks like a row ID or key",
                "look like row IDs or keys (unique values or increasing integers); dropped"));
        out.add(byKind(columns, "constant-columns", List.of(ColumnKind.CONSTANT, ColumnKind.ALL_MISSING),
                "no column is constant or all missing", "hold a single value or only missing values; dropped"));
        if (duplicateRows == 0) {
            out.add(Guardrail.passed("duplicate-rows", "no two training rows are identical"));
        } else if (duplicateRows < DUPLICATE_ALERT_SHARE * rows) {
            out.add(new Guardrail("duplicate-rows", Status.PASSED, String.format(Locale.ROOT, "%d training rows (%.1f%%) "
                    + "repeat an earlier row exactly, below the %.0f%% alert level", duplicateRows, 100.0 * duplicateRows / rows,
                    100 * DUPLICATE_ALERT_SHARE), List.of(), Map.of("duplicate_rows", (double) duplicateRows)));
        } else {
            out.add(new Guardrail("duplicate-rows", Status.ALERT, String.format(Locale.ROOT,
                    "%d training rows (%.1f%%) repeat an earlier row exactly, target included; repeats that land on both "
                            + "sides of a validation split make validation scores optimistic", duplicateRows,
                    100.0 * duplicateRows / rows), List.of(), Map.of("duplicate_rows", (double) duplicateRows)));
        }
        out.add(leakage(columns, options));
        numbersAsText(columns, rows, out);
        return out;
    }

    // Alerts only when there is something to say, so the usual list of checks stays as it was.
    private static void numbersAsText(List<ColumnFacts> columns, int rows, List<Guardrail> out) {
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (c.nonNumeric().count() > 0) {
                names.add(c.name());
                figures.put(c.name(), (double) c.nonNumeric().count());
                parts.add(String.format(Locale.ROOT, "column '%s': %d of %d training cells (%.1f%%), e.g. %s", c.name(),
                        c.nonNumeric().count(), rows, 100.0 * c.nonNumeric().count() / rows, c.nonNumeric().text()));
            }
        }
        if (!names.isEmpty()) {
            out.add(new Guardrail("non-numeric-cells", Status.ALERT, "numeric columns hold cells that are not numbers, read as "
                    + "missing values: " + String.join("; ", parts) + "; if they mean something, fix the file or give "
                    + "data.missing_values (or featurize.kinds to read the column as categories)", names, figures));
        }
        names = new ArrayList<>();
        parts = new ArrayList<>();
        figures = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (c.decimalComma() != null) {
                names.add(c.name());
                figures.put(c.name(), 1.0);
                parts.add("'" + c.name() + "' (e.g. " + c.decimalComma() + ")");
            }
        }
        if (!names.isEmpty()) {
            out.add(new Guardrail("decimal-comma", Status.ALERT, "columns " + String.join(", ", parts) + " hold numbers written "
                    + "with a decimal comma and were read as " + columns.stream().filter(c -> c.decimalComma() != null)
                    .map(c -> c.kind().label()).distinct().toList() + "; to read them as numbers, set data.decimal: \",\" "
                    + "(or --decimal , for check and predict)", names, figures));
        }
        names = new ArrayList<>();
        parts = new ArrayList<>();
        figures = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (c.mostlyNumeric() != null) {
                names.add(c.name());
                figures.put(c.name(), 1.0);
                parts.add("column '" + c.name() + "' (" + c.kind().label() + "): " + c.mostlyNumeric());
            }
        }
        if (!names.isEmpty()) {
            out.add(new Guardrail("mostly-numeric", Status.ALERT, "columns read as categories hold mostly numbers: "
                    + String.join("; ", parts) + "; if the other values mean missing, list them in data.missing_values "
                    + "(--missing-values for check and predict), or give the column's kind in featurize.kinds", names, figures));
        }
    }

    private static Guardrail missing(List<ColumnFacts> columns, int rows, FeaturizerOptions options) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (c.missing() > 0 && c.kind().isKept() && !c.dropped()) {
                shares.put(c.name(), c.missing() / (double) rows);
            }
        }
        if (shares.isEmpty()) {
            return Guardrail.passed("missing-values", "no kept column has missing values");
        }
        List<String> parts = new ArrayList<>();
        shares.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %d (%.1f%%)", k, Math.round(v * rows), 100 * v)));
        return new Guardrail("missing-values", Status.FIXED, "missing values in " + String.join(", ", parts)
                + "; numbers imputed with the " + options.imputation().label()
                + (options.search() ? " (or the mean or median, as the search chooses)" : "")
                + " plus a missing indicator, categories and dates given a missing level or indicator, text read as empty", List.copyOf(shares.keySet()), shares);
    }

    private static Guardrail byKind(List<ColumnFacts> columns, String check, List<ColumnKind> kinds, String passed, String fixed) {
        List<String> names = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (kinds.contains(c.kind())) {
                names.add(c.name());
                figures.put(c.name(), (double) c.distinct());
            }
        }
        if (names.isEmpty()) {
            return Guardrail.passed(check, passed);
        }
        return new Guardrail(check, Status.FIXED, "columns " + names + " " + fixed, names, figures);
    }

    private static Guardrail leakage(List<ColumnFacts> columns, FeaturizerOptions options) {
        List<String> names = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            if (c.leakageScore() >= LeakageDetector.THRESHOLD) {
                names.add(c.name());
                figures.put(c.name(), c.leakageScore());
            }
        }
        if (names.isEmpty()) {
            ColumnFacts top = columns.stream().filter(c -> !Double.isNaN(c.leakageScore()))
                    .max(java.util.Comparator.comparingDouble(ColumnFacts::leakageScore)).orElse(null);
            return new Guardrail("target-leakage", Status.PASSED, "no single column predicts the target almost perfectly on its "
                    + "own (out-of-fold score below " + LeakageDetector.THRESHOLD + (top == null ? ")" : String.format(Locale.ROOT,
                    "; highest: %s %.4f)", top.name(), top.leakageScore())), List.of(),
                    top == null ? Map.of() : Map.of(top.name(), top.leakageScore()));
        }
        List<String> parts = new ArrayList<>();
        figures.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s (%.4f)", k, v)));
        boolean drop = options.leakage() == FeaturizerOptions.LeakagePolicy.DROP;
        return new Guardrail("target-leakage", drop ? Status.FIXED : Status.ALERT, "columns " + String.join(", ", parts)
                + " predict the target almost perfectly on their own (out-of-fold single-column score >= "
                + LeakageDetector.THRESHOLD + "); if a column is recorded after the outcome or copies the target, the model "
                + "will not work on new data; " + (drop ? "dropped (leakage policy 'drop')"
                : "kept (leakage policy 'alert'; set it to 'drop' to remove them)"), names, figures);
    }

    /**
     * Training rows that repeat an earlier one in every given column: 64-bit row hashes of the columns' codes, sorted, so
     * a million rows cost a sort of longs rather than a million string keys.
     */
    static int duplicateRows(List<CodedColumn> columns) {
        int rows = columns.get(0).rows;
        long[] hash = new long[rows];
        double[][] numbers = new double[columns.size()][];
        for (int c = 0; c < numbers.length; c++) {
            numbers[c] = columns.get(c).isTypedNumeric() ? columns.get(c).numbers() : null;
        }
        int blocks = Math.max(1, rows / 65_536);
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = (int) ((long) b * rows / blocks);
            int to = (int) ((long) (b + 1) * rows / blocks);
            for (int c = 0; c < numbers.length; c++) {
                double[] v = numbers[c];
                int[] codes = columns.get(c).codes;
                for (int i = from; i < to; i++) {
                    long h = v != null ? (Double.isNaN(v[i]) ? 0x9E3779B97F4A7C15L : Double.hashCode(v[i])) : codes[i];
                    hash[i] = mix(hash[i] * 31 + h);
                }
            }
        });
        Arrays.parallelSort(hash);
        int duplicates = 0;
        for (int i = 1; i < hash.length; i++) {
            if (hash[i] == hash[i - 1]) {
                duplicates++;
            }
        }
        return duplicates;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
