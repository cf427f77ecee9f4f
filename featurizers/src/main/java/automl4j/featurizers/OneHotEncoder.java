package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * A low-cardinality column: one 0/1 feature per training category (most frequent first), plus one for missing when
 * the training rows had missing values. A category not seen in training encodes as all zeros.
 */
record OneHotEncoder(String column, List<String> levels, boolean missingLevel) implements ColumnEncoder {
    OneHotEncoder {
        levels = List.copyOf(levels);
    }

    static OneHotEncoder fit(Column<?> column, int[] rows) {
        List<String> levels = new ArrayList<>();
        for (Map.Entry<String, Integer> e : Levels.count(column, rows)) {
            levels.add(e.getKey());
        }
        return new OneHotEncoder(column.name(), levels, Levels.missing(column, rows) > 0);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (String l : levels) {
            names.add(column + "=" + l);
        }
        if (missingLevel) {
            names.add(column + "=missing");
        }
        return names;
    }

    @Override
    public void encode(Column<?> col, int row, float[] out, int offset) {
        String s = Cells.text(col, row);
        if (s == null) {
            if (missingLevel) {
                out[offset + levels.size()] = 1f;
            }
            return;
        }
        int i = levels.indexOf(s);
        if (i >= 0) {
            out[offset + i] = 1f;
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "one-hot");
        n.put("column", column);
        ArrayNode a = n.putArray("levels");
        levels.forEach(a::add);
        n.put("missing_level", missingLevel);
        return n;
    }

    static OneHotEncoder fromJson(JsonNode n) {
        List<String> levels = new ArrayList<>();
        n.get("levels").forEach(l -> levels.add(l.asText()));
        return new OneHotEncoder(n.get("column").asText(), levels, n.get("missing_level").asBoolean());
    }
}
