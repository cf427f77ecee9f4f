package automl4j.datasets;

import automl4j.ConfigException;
import java.util.List;
import java.util.Objects;

/**
 * How a CSV file's cells are read: the separator, the tokens read as missing, what an infinite number means and the
 * decimal mark. {@link #defaults()} keeps the benchmark protocol's rules: comma-separated (a header that has no comma
 * but a {@code ;} or a tab is refused with a hint), only an empty field is missing, an infinite number is an error,
 * and {@code .} is the decimal mark. ARFF files have their own rules and ignore these options. Immutable.
 *
 * @param separator        the field separator, or null for a comma with the check above
 * @param missingValues    cell texts read as missing in every column, besides the empty field (e.g. {@code NA}, {@code ?})
 * @param infinityAsMissing true to read an infinite number ({@code Infinity}, {@code -inf}, {@code 1e400}) in a numeric
 *                         column as missing; false to reject it naming the file, row and column
 * @param decimal          the decimal mark: {@code '.'}, or {@code ','} to read cells such as {@code 0,1} as 0.1
 */
public record ReadOptions(Character separator, List<String> missingValues, boolean infinityAsMissing, char decimal) {
    /**
     * Checks the options.
     *
     * @throws ConfigException if the separator is a quote or a line break, a missing-value token is empty, or the
     *                         decimal mark is neither {@code .} nor {@code ,} (keys {@code data.separator},
     *                         {@code data.missing_values} and {@code data.decimal})
     */
    public ReadOptions {
        if (separator != null && (separator == '"' || separator == '\n' || separator == '\r')) {
            throw new ConfigException("data.separator", "separator must not be a quote or a line break, but was code " + (int) separator);
        }
        missingValues = List.copyOf(Objects.requireNonNull(missingValues, "missingValues"));
        for (String s : missingValues) {
            if (s.isEmpty()) {
                throw new ConfigException("data.missing_values", "missing-value tokens must not be empty (an empty field is always missing)");
            }
        }
        if (decimal != '.' && decimal != ',') {
            throw new ConfigException("data.decimal", "decimal mark must be '.' or ',', but was '" + decimal + "'");
        }
    }

    /** The protocol's defaults: comma (checked), no missing tokens, infinities an error, decimal point. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, List.of(), false, '.');
    }

    /** The separator in effect: the given one, or a comma. */
    public char effectiveSeparator() {
        return separator == null ? ',' : separator;
    }
}
