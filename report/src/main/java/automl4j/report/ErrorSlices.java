package automl4j.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Where a model errs most: a shallow regression tree fitted to each row's error over the raw input columns, whose leaves
 * are slices of the data described in the columns' own terms ({@code tenure_months <= 6 and contract = monthly}),
 * each with its size and mean error. Splits are chosen by the reduction of the squared deviation of the error, as
 * in CART, among a few candidates per column (up to 15 quantile thresholds of a number, the 10 most frequent values
 * of anything else, and being missing), and every slice keeps at least {@link #minRows} rows, so that a slice is a
 * pattern and not a handful of unlucky rows.
 *
 * <p>Why our own: the report module must not depend on a learner library, and this tree is small and describes its
 * splits in terms of raw cells (categories, missing values) that the learners' trees never see.
 */
public final class ErrorSlices {
    /** A slice: its description, its rows and its mean error. */
    public record Slice(String description, int rows, double meanError) {
    }

    private final int depth;
    private final double minShare;

    /**
     * Slices from a tree of at most {@code depth} levels whose leaves keep at least {@code minShare} of the rows (and
     * at least 20).
     */
    public ErrorSlices(int depth, double minShare) {
        if (depth < 1 || !(minShare > 0 && minShare < 0.5)) {
            throw new IllegalArgumentException("depth must be >= 1 and minShare in (0, 0.5), but were " + depth + " and " + minShare);
        }
        this.depth = depth;
        this.minShare = minShare;
    }

    private int minRows(int n) {
        return Math.max(20, (int) Math.ceil(minShare * n));
    }

    /** The leaves, worst mean error first. {@code error[i]} belongs to row {@code i} of {@code table}. */
    public List<Slice> find(Table table, double[] error, List<String> columns) {
        if (error.length != table.rowCount()) {
            throw new IllegalArgumentException("there are " + error.length + " errors for " + table.rowCount() + " rows");
        }
        int[] all = new int[error.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<Slice> out = new ArrayList<>();
        grow(table, error, columns, all, "", depth, minRows(error.length), out);
        out.sort(Comparator.comparingDouble(Slice::meanError).reversed());
        return out;
    }

    private record Split(String yes, String no, boolean[] goesYes, double gain) {
    }

    private void grow(Table table, double[] error, List<String> columns, int[] rows, String path, int levels, int min, List<Slice> out) {
        Split best = levels == 0 || rows.length < 2 * min ? null : bestSplit(table, error, columns, rows, min);
        if (best == null) {
            out.add(new Slice(path.isEmpty() ? "all rows" : path, rows.length, mean(error, rows)));
            return;
        }
        List<Integer> yes = new ArrayList<>();
        List<Integer> no = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            (best.goesYes()[i] ? yes : no).add(rows[i]);
        }
        String prefix = path.isEmpty() ? "" : path + " and ";
        grow(table, error, columns, yes.stream().mapToInt(Integer::intValue).toArray(), prefix + best.yes(), levels - 1, min, out);
        grow(table, error, columns, no.stream().mapToInt(Integer::intValue).toArray(), prefix + best.no(), levels - 1, min, out);
    }

    private static double mean(double[] error, int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += error[r];
        }
        return rows.length == 0 ? Double.NaN : s / rows.length;
    }

    private static Split bestSplit(Table table, double[] error, List<String> columns, int[] rows, int min) {
        double total = 0;
        for (int r : rows) {
            total += error[r];
        }
        Split best = null;
        for (String name : columns) {
            Column<?> column = table.column(name);
            for (Candidate c : candidates(column, rows)) {
                boolean[] goes = new boolean[rows.length];
                int n = 0;
                double sum = 0;
                for (int i = 0; i < rows.length; i++) {
                    goes[i] = c.test(column, rows[i]);
                    if (goes[i]) {
                        n++;
                        sum += error[rows[i]];
                    }
                }
                int m = rows.length - n;
                if (n < min || m < min) {
                    continue;
                }
                // reduction of the sum of squared deviations: n * m / N * (mean_yes - mean_no)^2
                double diff = sum / n - (total - sum) / m;
                double gain = (double) n * m / rows.length * diff * diff;
                if (best == null || gain > best.gain()) {
                    best = new Split(c.yes(name), c.no(name), goes, gain);
                }
            }
        }
        return best == null || best.gain() <= 0 ? null : best;
    }

    /** A yes/no question about one cell. */
    private record Candidate(double threshold, String level, boolean missing) {
        boolean test(Column<?> column, int row) {
            if (missing) {
                return column.isMissing(row);
            }
            if (column.isMissing(row)) {
                return false;
            }
            if (level != null) {
                return level.equals(column.getString(row));
            }
            return ((NumericColumn<?>) column).getDouble(row) <= threshold;
        }

        String yes(String name) {
            return missing ? name + " is missing" : level != null ? name + " = " + level : name + " <= " + format(threshold);
        }

        String no(String name) {
            return missing ? name + " is present" : level != null ? name + " \u2260 " + level : name + " > " + format(threshold) + " or missing";
        }

        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }

    private static List<Candidate> candidates(Column<?> column, int[] rows) {
        List<Candidate> out = new ArrayList<>();
        boolean anyMissing = false;
        for (int r : rows) {
            if (column.isMissing(r)) {
                anyMissing = true;
                break;
            }
        }
        if (anyMissing) {
            out.add(new Candidate(Double.NaN, null, true));
        }
        if (column instanceof NumericColumn<?> numbers) {
            double[] v = Arrays.stream(rows).filter(r -> !column.isMissing(r)).mapToDouble(numbers::getDouble).sorted().toArray();
            double previous = Double.NaN;
            for (int q = 1; q <= 15 && v.length > 0; q++) {
                double t = v[Math.min(v.length - 1, (int) ((long) q * v.length / 16))];
                if (t != previous && t < v[v.length - 1]) {
                    out.add(new Candidate(t, null, false));
                    previous = t;
                }
            }
        } else {
            Map<String, Integer> counts = new HashMap<>();
            for (int r : rows) {
                if (!column.isMissing(r)) {
                    counts.merge(column.getString(r), 1, Integer::sum);
                }
            }
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).forEach(e -> out.add(new Candidate(Double.NaN, e.getKey(), false)));
        }
        return out;
    }
}
