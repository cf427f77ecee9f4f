package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A two-valued column (true/false, yes/no, y/n, t/f in any case): 1 for {@code trueValue}, 0 for {@code falseValue},
 * 0.5 for a missing or unseen value, with a 0/1 missing indicator when the training rows had missing values.
 */
record BooleanEncoder(String column, String trueValue, String falseValue, boolean indicator) implements ColumnEncoder {

    static BooleanEncoder fit(CodedColumn coded) {
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        coded.levels.forEach(s -> values.add(s.strip().toLowerCase(Locale.ROOT)));
        boolean missing = coded.missing > 0;
        Column<?> column = coded.column;
        String t = values.stream().filter(v -> v.equals("true") || v.equals("yes") || v.equals("y") || v.equals("t"))
                .findFirst().orElse(values.isEmpty() ? "true" : values.last());
        String f = values.stream().filter(v -> !v.equals(t)).findFirst().orElse("false");
        return new BooleanEncoder(column.name(), t, f, missing);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(List.of(column + "=" + trueValue));
        if (indicator) {
            names.add(column + "=missing");
        }
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        for (int i = 0; i < n; i++) {
            String s = Cells.text(col, ColumnEncoder.row(rows, i));
            String v = s == null ? null : s.strip().toLowerCase(Locale.ROOT);
            int at = i * stride + offset;
            out[at] = trueValue.equals(v) ? 1f : falseValue.equals(v) ? 0f : 0.5f;
            if (indicator && s == null) {
                out[at + 1] = 1f;
            }
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "boolean");
        n.put("column", column);
        n.put("true", trueValue);
        n.put("false", falseValue);
        n.put("indicator", indicator);
        return n;
    }

    static BooleanEncoder fromJson(JsonNode n) {
        return new BooleanEncoder(n.get("column").asText(), n.get("true").asText(), n.get("false").asText(),
                n.get("indicator").asBoolean());
    }
}
