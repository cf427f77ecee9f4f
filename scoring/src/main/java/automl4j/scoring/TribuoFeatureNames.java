package automl4j.scoring;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;

/**
 * The names the engine's Tribuo learners give features: the column's position, {@code f000012} for column 12
 * ({@code TribuoData.names}). Tribuo matches an example's features to the model's by name and drops the names it does
 * not know, so a model whose names are not these would silently predict from zeros; such a payload is refused.
 */
final class TribuoFeatureNames {
    private TribuoFeatureNames() {
    }

    /**
     * The names of {@code columns} columns. ASCII digits whatever the default locale: the engine formats them with
     * {@code String.format}, which writes a locale's own digits (Arabic, Thai...), and {@link #check} refuses a model
     * written so rather than predict from zeros.
     */
    static String[] names(int columns) {
        String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            String digits = Integer.toString(c);
            names[c] = "f" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
        }
        return names;
    }

    /**
     * Refuses a model that knows a feature other than one of the {@code columns} columns' names.
     *
     * @throws IllegalArgumentException naming the learner and the feature
     */
    static void check(String learner, ImmutableFeatureMap features, int columns) {
        String[] expected = names(columns);
        for (VariableInfo info : features) {
            int c = column(info.getName());
            if (c < 0 || c >= columns || !expected[c].equals(info.getName())) {
                throw new IllegalArgumentException(learner + " payload reads feature '" + shorten(info.getName())
                        + "', which is not one of the " + columns + " features f000000... of its featurizer");
            }
        }
    }

    /** The column of a name {@code f<ASCII digits>}, or -1. */
    private static int column(String name) {
        if (name.length() < 2 || name.length() > 10 || name.charAt(0) != 'f'
                || !name.chars().skip(1).allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        return Integer.parseInt(name.substring(1));
    }

    private static String shorten(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 40 ? p.substring(0, 40) + "..." : p;
    }
}
