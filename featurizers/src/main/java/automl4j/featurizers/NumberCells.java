package automl4j.featurizers;

import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data guardrails say about numbers written as text: the cells of a numeric column that are not numbers (read
 * as missing), and a column of numbers written with a decimal comma ({@code 0,1}), which reads as categories unless the
 * file is read with {@code data.decimal: ","}.
 */
final class NumberCells {
    /** Cells quoted as examples in a guardrail. */
    static final int EXAMPLES = 3;
    /** Share of a column's present cells that must be numbers for the mostly-numeric alert. */
    static final double MOSTLY_NUMERIC_SHARE = 0.5;
    /** Share of a column's present cells that must be numbers or decimal-comma numbers for the decimal-comma alert. */
    static final double DECIMAL_COMMA_SHARE = 0.95;

    /** Count and examples of cells that are not numbers. */
    record Examples(int count, String text) {
    }

    private NumberCells() {
    }

    /** The present cells of a text column that are not numbers, with up to {@value #EXAMPLES} of them and their rows. */
    static Examples nonNumeric(CodedColumn coded) {
        if (coded.isTypedNumeric()) {
            return new Examples(0, "");
        }
        boolean[] bad = new boolean[coded.distinct()];
        boolean any = false;
        for (int l = 0; l < bad.length; l++) {
            bad[l] = Double.isNaN(Cells.parse(coded.levels.get(l)));
            any |= bad[l];
        }
        if (!any) {
            return new Examples(0, "");
        }
        int count = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < coded.rows; i++) {
            int code = coded.codes[i];
            if (code >= 0 && bad[code]) {
                count++;
                if (examples.size() < EXAMPLES) {
                    examples.add("'" + coded.levels.get(code) + "' (row " + (coded.tableRows[i] + 1) + ")");
                }
            }
        }
        return new Examples(count, String.join(", ", examples));
    }

    /**
     * An example cell (with its row) of a text column whose values are numbers written with a decimal comma, or null:
     * at least one such cell, and with plain numbers at least {@value #DECIMAL_COMMA_SHARE} of the present cells.
     */
    static String decimalComma(CodedColumn coded) {
        if (coded.isTypedNumeric()) {
            return null;
        }
        int present = coded.rows - coded.missing;
        int commas = 0;
        int numbers = 0;
        int firstLevel = -1;
        for (int l = 0; l < coded.distinct(); l++) {
            String v = coded.levels.get(l).strip();
            if (Cells.isDecimalComma(v)) {
                commas += coded.counts[l];
                firstLevel = firstLevel < 0 ? l : firstLevel;
            } else if (!Double.isNaN(Cells.parse(v))) {
                numbers += coded.counts[l];
            }
        }
        if (commas == 0 || commas + numbers < DECIMAL_COMMA_SHARE * present) {
            return null;
        }
        for (int i = 0; i < coded.rows; i++) {
            if (coded.codes[i] == firstLevel) {
                return "'" + coded.levels.get(firstLevel) + "' (row " + (coded.tableRows[i] + 1) + ")";
            }
        }
        return "'" + coded.levels.get(firstLevel) + "'";
    }

    /**
     * For a text column read as categories (or text) whose present cells are mostly numbers: the share of numbers and
     * its most frequent other values with their counts, such as {@code 94.0% numbers; other values 'NA' (12)}; else null.
     * Too many such cells for the numeric kind (which reads up to 5% of them as missing) make the column categorical:
     * this says so rather than change its kind silently (issue 14).
     */
    static String mostlyNumeric(CodedColumn coded) {
        if (coded.isTypedNumeric()) {
            return null;
        }
        int present = coded.rows - coded.missing;
        int numbers = 0;
        List<Integer> others = new ArrayList<>();
        for (int l = 0; l < coded.distinct(); l++) {
            if (Double.isNaN(Cells.parse(coded.levels.get(l)))) {
                others.add(l);
            } else {
                numbers += coded.counts[l];
            }
        }
        if (present == 0 || others.isEmpty() || numbers < MOSTLY_NUMERIC_SHARE * present) {
            return null;
        }
        others.sort((a, b) -> coded.counts[b] != coded.counts[a] ? Integer.compare(coded.counts[b], coded.counts[a])
                : Integer.compare(a, b));
        List<String> shown = new ArrayList<>();
        for (int l : others.subList(0, Math.min(EXAMPLES, others.size()))) {
            shown.add("'" + coded.levels.get(l) + "' (" + coded.counts[l] + ")");
        }
        return String.format(java.util.Locale.ROOT, "%.1f%% numbers; other values %s%s", 100.0 * numbers / present,
                String.join(", ", shown), others.size() > EXAMPLES ? " and " + (others.size() - EXAMPLES) + " more" : "");
    }
}
