package automl4j.featurizers;

import automl4j.DataException;
import automl4j.data.Cells;
import automl4j.featurizers.FeaturizerOptions.Imputation;
import automl4j.featurizers.FeaturizerOptions.Scaling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A numeric column: a missing value becomes {@code fill} (learned by the chosen {@link Imputation}; medians and
 * quartiles from at most {@value #QUANTILE_SAMPLE} evenly spaced training values), a 0/1 missing
 * indicator is added when the training rows had missing values, and the value is scaled as
 * {@code (v - center) / scale} (mean and standard deviation, or median and interquartile range; 0 and 1 for none).
 * With {@code textAsMissing} (a column detected numeric although a few training cells were not numbers), a cell that
 * is not a number is read as missing; otherwise it is an error.
 */
record NumericEncoder(String column, double fill, double center, double scale, boolean indicator, boolean textAsMissing)
        implements ColumnEncoder {

    static NumericEncoder fit(CodedColumn coded, Imputation imputation, Scaling scaling, boolean textAsMissing) {
        Column<?> column = coded.column;
        double[] values = coded.numbers();
        int[] rows = coded.tableRows;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] present = values;
        if (n < rows.length) {
            present = new double[n];
            int k = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    present[k++] = v;
                }
            }
        }
        double mean = 0;
        for (double v : present) {
            mean += v;
        }
        mean /= Math.max(1, n);
        Percentile percentile = new Percentile();
        percentile.setData(quantileSample(present));
        double median = n == 0 ? 0 : percentile.evaluate(50);
        double fill = switch (imputation) {
            case MEDIAN -> median;
            case MEAN -> mean;
            case MOST_FREQUENT -> mostFrequent(present);
            case CONSTANT -> 0.0;
        };
        int missing = rows.length - n;
        double center;
        double scale;
        switch (scaling) {
            case STANDARD -> {
                // Moments of the imputed column, as the learner will see it.
                double m = (mean * n + fill * missing) / Math.max(1, rows.length);
                double ss = 0;
                for (double v : present) {
                    ss += (v - m) * (v - m);
                }
                ss += missing * (fill - m) * (fill - m);
                center = m;
                scale = Math.sqrt(ss / Math.max(1, rows.length));
            }
            case ROBUST -> {
                center = median;
                scale = n == 0 ? 1 : percentile.evaluate(75) - percentile.evaluate(25);
            }
            default -> {
                center = 0;
                scale = 1;
            }
        }
        return new NumericEncoder(column.name(), fill, center, scale > 1e-12 ? scale : 1.0, missing > 0, textAsMissing);
    }

    /** Most values that quantiles (median, quartiles) are computed from; more are thinned evenly. */
    static final int QUANTILE_SAMPLE = 100_000;

    // Every k-th value, in training-row order: a deterministic sample whose quantiles are within a fraction of a
    // percentile of the exact ones, at a tenth of the selection cost on a million rows.
    private static double[] quantileSample(double[] present) {
        if (present.length <= QUANTILE_SAMPLE) {
            return present;
        }
        double[] out = new double[QUANTILE_SAMPLE];
        for (int i = 0; i < out.length; i++) {
            out[i] = present[(int) ((long) i * present.length / out.length)];
        }
        return out;
    }

    private static double mostFrequent(double[] present) {
        if (present.length == 0) {
            return 0;
        }
        double[] sorted = present.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    /** A warning naming the cells of {@code col} that are not numbers (read as missing), or null when there are none. */
    String nonNumberWarning(Column<?> col) {
        if (Cells.isNumericType(col)) {
            return null;
        }
        int count = 0;
        List<String> examples = new ArrayList<>();
        for (int r = 0; r < col.size(); r++) {
            String s = Cells.text(col, r);
            if (s != null && Double.isNaN(Cells.parse(s))) {
                count++;
                if (examples.size() < NumberCells.EXAMPLES) {
                    examples.add("'" + s + "' (row " + (r + 1) + ")");
                }
            }
        }
        return count == 0 ? null : "column '" + column + "': " + count + " cells are not numbers and are read as missing, e.g. "
                + String.join(", ", examples);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(List.of(column));
        if (indicator) {
            names.add(column + "=missing");
        }
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        NumericColumn<?> typed = col instanceof NumericColumn<?> nc && Cells.isNumericType(col) ? nc : null;
        double[] parsed = typed == null ? ColumnCodes.numbers(col, rows, n) : null;
        for (int i = 0; i < n; i++) {
            int row = ColumnEncoder.row(rows, i);
            double v = typed != null ? (typed.isMissing(row) ? Double.NaN : typed.getDouble(row)) : parsed[i];
            boolean missing = Double.isNaN(v);
            if (missing && typed == null && !textAsMissing && Cells.text(col, row) != null) {
                throw new DataException("column '" + column + "' row " + (row + 1) + " must be a number, but was '"
                        + Cells.text(col, row) + "'");
            }
            if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
                throw new DataException("column '" + column + "' row " + (row + 1) + " must be a finite number, but was " + v);
            }
            int at = i * stride + offset;
            out[at] = (float) (((missing ? fill : v) - center) / scale);
            if (indicator) {
                out[at + 1] = missing ? 1f : 0f;
            }
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "numeric");
        n.put("column", column);
        n.put("fill", fill);
        n.put("center", center);
        n.put("scale", scale);
        n.put("indicator", indicator);
        if (textAsMissing) {
            n.put("text_as_missing", true);   // absent in files of columns without such cells, as before
        }
        return n;
    }

    static NumericEncoder fromJson(JsonNode n) {
        if (n.has("median")) {   // format v1: median imputation and standard scaling
            return new NumericEncoder(n.get("column").asText(), n.get("median").asDouble(), n.get("mean").asDouble(),
                    n.get("std").asDouble(), n.get("indicator").asBoolean(), false);
        }
        return new NumericEncoder(n.get("column").asText(), n.get("fill").asDouble(), n.get("center").asDouble(),
                n.get("scale").asDouble(), n.get("indicator").asBoolean(), n.path("text_as_missing").asBoolean(false));
    }
}
