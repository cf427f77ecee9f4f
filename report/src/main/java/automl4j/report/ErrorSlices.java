package automl4j.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Where a model errs most: a shallow regression tree fitted to each row's error over the raw input columns, whose leaves
 * are slices of the data described in the columns' own terms ({@code tenure_months <= 6 and contract = monthly}; the
 * answers about one column merged into one condition), each with its size and mean error. Splits are chosen by the reduction of the squared deviation of the error, as
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
        grow(table, error, columns, all, List.of(), depth, minRows(error.length), out);
        out.sort(Comparator.comparingDouble(Slice::meanError).reversed());
        return out;
    }

    private record Split(String column, Candidate candidate, boolean[] goesYes, double gain) {
    }

    /** One answer on a slice's path: the column asked about, the question, and whether the rows answered yes. */
    private record Step(String column, Candidate candidate, boolean yes) {
    }

    private void grow(Table table, double[] error, List<String> columns, int[] rows, List<Step> path, int levels, int min, List<Slice> out) {
        Split best = levels == 0 || rows.length < 2 * min ? null : bestSplit(table, error, columns, rows, min);
        if (best == null) {
            out.add(new Slice(describe(path), rows.length, mean(error, rows)));
            return;
        }
        List<Integer> yes = new ArrayList<>();
        List<Integer> no = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            (best.goesYes()[i] ? yes : no).add(rows[i]);
        }
        grow(table, error, columns, yes.stream().mapToInt(Integer::intValue).toArray(), with(path, new Step(best.column(), best.candidate(), true)),
                levels - 1, min, out);
        grow(table, error, columns, no.stream().mapToInt(Integer::intValue).toArray(), with(path, new Step(best.column(), best.candidate(), false)),
                levels - 1, min, out);
    }

    private static List<Step> with(List<Step> path, Step step) {
        List<Step> out = new ArrayList<>(path);
        out.add(step);
        return out;
    }

    /**
     * A slice's path in words, one condition per column in the order the columns were first asked about: the answers
     * about one column are merged into the tightest condition they make ({@code plan = monthly} rather than
     * {@code plan ≠ yearly and plan = monthly}; {@code 3 < tenure <= 12} rather than {@code tenure > 3 or missing and
     * tenure <= 12}).
     */
    private static String describe(List<Step> path) {
        if (path.isEmpty()) {
            return "all rows";
        }
        Map<String, Condition> byColumn = new LinkedHashMap<>();
        for (Step s : path) {
            byColumn.computeIfAbsent(s.column(), c -> new Condition()).add(s.candidate(), s.yes());
        }
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, condition) -> out.add(condition.describe(column)));
        return String.join(" and ", out);
    }

    /** What the answers about one column say of its cells. */
    private static final class Condition {
        private double above = Double.NEGATIVE_INFINITY;   // cells > above
        private double atMost = Double.POSITIVE_INFINITY;  // cells <= atMost
        private String equal;
        private final List<String> unequal = new ArrayList<>();
        private Boolean missing;                           // null: either; true: missing; false: present

        void add(Candidate c, boolean yes) {
            if (c.missing()) {
                missing = yes;
            } else if (c.level() != null) {
                if (yes) {
                    equal = c.level();
                    missing = missing == null ? Boolean.FALSE : missing;
                } else if (!unequal.contains(c.level())) {
                    unequal.add(c.level());
                }
            } else if (yes) {
                atMost = Math.min(atMost, c.threshold());
                missing = missing == null ? Boolean.FALSE : missing;
            } else {
                above = Math.max(above, c.threshold());
            }
        }

        String describe(String name) {
            if (Boolean.TRUE.equals(missing)) {
                return name + " is missing";
            }
            if (equal != null) {
                return name + " = " + equal;
            }
            boolean present = Boolean.FALSE.equals(missing);
            if (!unequal.isEmpty()) {
                String not = unequal.size() == 1 ? name + " \u2260 " + unequal.get(0) : name + " not in {" + String.join(", ", unequal) + "}";
                return present ? name + " is present and " + not.substring(name.length() + 1) : not;
            }
            boolean low = above > Double.NEGATIVE_INFINITY;
            boolean high = atMost < Double.POSITIVE_INFINITY;
            if (low && high) {
                return Candidate.format(above) + " < " + name + " <= " + Candidate.format(atMost);
            }
            if (high) {
                return name + " <= " + Candidate.format(atMost);
            }
            if (low) {
                return name + " > " + Candidate.format(above) + (present ? "" : " or missing");
            }
            return name + " is present";
        }
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
                    best = new Split(name, c, goes, gain);
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

        static String format(double v) {
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
