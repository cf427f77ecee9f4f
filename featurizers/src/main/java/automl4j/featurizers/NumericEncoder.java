package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * A numeric column: missing values become the training median, a 0/1 missing indicator is added when the training
 * rows had missing values, and the value is standardized with the training mean and standard deviation (so linear
 * learners need no scaler of their own; trees are unaffected).
 */
record NumericEncoder(String column, double median, double mean, double std, boolean indicator) implements ColumnEncoder {

    static NumericEncoder fit(Column<?> column, int[] rows) {
        double[] values = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            double v = Cells.number(column, r);
            if (!Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        double[] present = Arrays.copyOf(values, n);
        Arrays.sort(present);
        double median = n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += i < n ? present[i] : median;
        }
        double mean = sum / rows.length;
        double ss = 0;
        for (int i = 0; i < rows.length; i++) {
            double d = (i < n ? present[i] : median) - mean;
            ss += d * d;
        }
        double std = Math.sqrt(ss / rows.length);
        return new NumericEncoder(column.name(), median, mean, std > 1e-12 ? std : 1.0, n < rows.length);
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
    public void encode(Column<?> col, int row, float[] out, int offset) {
        double v = Cells.number(col, row);
        boolean missing = Double.isNaN(v);
        if (missing && Cells.text(col, row) != null) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1) + " must be a number, but was '"
                    + Cells.text(col, row) + "'");
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1) + " must be a finite number, but was " + v);
        }
        out[offset] = (float) (((missing ? median : v) - mean) / std);
        if (indicator) {
            out[offset + 1] = missing ? 1f : 0f;
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "numeric");
        n.put("column", column);
        n.put("median", median);
        n.put("mean", mean);
        n.put("std", std);
        n.put("indicator", indicator);
        return n;
    }

    static NumericEncoder fromJson(JsonNode n) {
        return new NumericEncoder(n.get("column").asText(), n.get("median").asDouble(), n.get("mean").asDouble(),
                n.get("std").asDouble(), n.get("indicator").asBoolean());
    }
}
