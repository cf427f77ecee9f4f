package automl4j.featurizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A low-cardinality column: one 0/1 feature per training category seen at least {@code rareMinCount} times (most
 * frequent first); rarer categories share an {@code other} feature, which also takes categories never seen in
 * training. Without rare categories there is no {@code other} feature and an unseen category encodes as all zeros.
 * Missing values get their own feature when the training rows had any.
 */
record OneHotEncoder(String column, List<String> levels, boolean otherLevel, boolean missingLevel) implements ColumnEncoder {
    OneHotEncoder {
        levels = List.copyOf(levels);
    }

    static OneHotEncoder fit(CodedColumn coded, int rareMinCount) {
        List<String> levels = new ArrayList<>();
        boolean rare = false;
        for (Map.Entry<String, Integer> e : coded.byCount()) {
            if (e.getValue() >= rareMinCount) {
                levels.add(e.getKey());
            } else {
                rare = true;
            }
        }
        return new OneHotEncoder(coded.column.name(), levels, rare, coded.missing > 0);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (String l : levels) {
            names.add(column + "=" + l);
        }
        if (otherLevel) {
            names.add(column + "=other");
        }
        if (missingLevel) {
            names.add(column + "=missing");
        }
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        Map<String, Integer> index = ColumnCodes.index(levels);
        int other = otherLevel ? levels.size() : -1;
        int missing = missingLevel ? levels.size() + (otherLevel ? 1 : 0) : -1;
        int[] codes = ColumnCodes.lookup(col, rows, n, index);
        for (int i = 0; i < n; i++) {
            int at = i * stride + offset;
            int k = codes[i];
            if (k == ColumnCodes.MISSING) {
                if (missing >= 0) {
                    out[at + missing] = 1f;
                }
            } else if (k >= 0) {
                out[at + k] = 1f;
            } else if (other >= 0) {
                out[at + other] = 1f;
            }
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "one-hot");
        n.put("column", column);
        ArrayNode a = n.putArray("levels");
        levels.forEach(a::add);
        n.put("other_level", otherLevel);
        n.put("missing_level", missingLevel);
        return n;
    }

    static OneHotEncoder fromJson(JsonNode n) {
        List<String> levels = new ArrayList<>();
        n.get("levels").forEach(l -> levels.add(l.asText()));
        return new OneHotEncoder(n.get("column").asText(), levels, n.path("other_level").asBoolean(false),
                n.get("missing_level").asBoolean());
    }
}
