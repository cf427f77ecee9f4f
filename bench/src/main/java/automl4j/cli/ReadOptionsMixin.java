package automl4j.cli;

import automl4j.datasets.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command-line options that say how a CSV file is read ({@code --separator}, {@code --missing-values},
 * {@code --infinity}, {@code --decimal}), the counterparts of the config keys {@code data.separator},
 * {@code data.missing_values}, {@code data.infinity} and {@code data.decimal}; for {@code check} and {@code predict}.
 */
final class ReadOptionsMixin {
    @Option(names = "--separator", paramLabel = "CHAR", description = "CSV field separator, one character such as ';' or '\\t' "
            + "(default ',').")
    String separator;

    @Option(names = "--missing-values", paramLabel = "TOKEN", split = ",", description = "Cell texts read as missing in every "
            + "column, comma-separated, e.g. NA,? (default: only an empty field is missing).")
    List<String> missingValues = new ArrayList<>();

    @Option(names = "--infinity", paramLabel = "error|missing", description = "An infinite number in a numeric column: "
            + "error (default) or missing.")
    String infinity = "error";

    @Option(names = "--decimal", paramLabel = "MARK", description = "Decimal mark, '.' (default) or ','.")
    String decimal = ".";

    /** True if any of these options was given. */
    boolean given() {
        return separator != null || !missingValues.isEmpty() || !infinity.equals("error") || !decimal.equals(".");
    }

    /**
     * The options as given.
     *
     * @throws UsageException naming the option whose value is not allowed
     */
    ReadOptions toReadOptions() {
        Character sep = null;
        if (separator != null) {
            String s = separator.equals("\\t") ? "\t" : separator;
            if (s.length() != 1 || s.equals("\"") || s.equals("\n") || s.equals("\r")) {
                throw new UsageException("--separator must be one character other than a quote or a line break, such as ';' "
                        + "or '\\t', but was '" + separator + "'");
            }
            sep = s.charAt(0);
        }
        for (String m : missingValues) {
            if (m.isEmpty()) {
                throw new UsageException("--missing-values must list non-empty cell texts (an empty field is always missing)");
            }
        }
        if (!infinity.equals("error") && !infinity.equals("missing")) {
            throw new UsageException("--infinity must be one of [error, missing], but was '" + infinity + "'");
        }
        if (!decimal.equals(".") && !decimal.equals(",")) {
            throw new UsageException("--decimal must be one of [., ,], but was '" + decimal + "'");
        }
        return new ReadOptions(sep, missingValues, infinity.equals("missing"), decimal.charAt(0));
    }
}
