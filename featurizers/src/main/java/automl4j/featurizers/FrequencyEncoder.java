package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A high-cardinality column: two features, the category's share of the training rows (0 for unseen categories;
 * missing values count as their own category), and its frequency rank scaled to [0, 1] (1 for unseen), which lets
 * trees separate categories of equal frequency.
 */
record FrequencyEncoder(String column, List<String> levels, List<Double> shares, double missingShare) implements ColumnEncoder {
    FrequencyEncoder {
        levels = List.copyOf(levels);
        shares = List.copyOf(shares);
    }

    static FrequencyEncoder fit(CodedColumn coded) {
        List<String> levels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> e : coded.byCount()) {
            levels.add(e.getKey());
            shares.add(e.getValue() / (double) coded.rows);
        }
        return new FrequencyEncoder(coded.column.name(), levels, shares, coded.missing / (double) coded.rows);
    }

    @Override
    public List<String> featureNames() {
        return List.of(column + ":frequency", column + ":rank");
    }

    private Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            ranks.put(levels.get(i), i);
        }
        return ranks;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        Map<String, Integer> ranks = ranks();
        for (int i = 0; i < n; i++) {
            String s = Cells.text(col, ColumnEncoder.row(rows, i));
            int at = i * stride + offset;
            if (s == null) {
                out[at] = (float) missingShare;
                out[at + 1] = -1f;
                continue;
            }
            Integer rank = ranks.get(s);
            out[at] = rank == null ? 0f : shares.get(rank).floatValue();
            out[at + 1] = rank == null ? 1f : (float) (rank / (double) Math.max(1, levels.size()));
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "frequency");
        n.put("column", column);
        ArrayNode l = n.putArray("levels");
        levels.forEach(l::add);
        ArrayNode s = n.putArray("shares");
        shares.forEach(s::add);
        n.put("missing_share", missingShare);
        return n;
    }

    static FrequencyEncoder fromJson(JsonNode n) {
        List<String> levels = new ArrayList<>();
        n.get("levels").forEach(x -> levels.add(x.asText()));
        List<Double> shares = new ArrayList<>();
        n.get("shares").forEach(x -> shares.add(x.asDouble()));
        if (shares.size() != levels.size()) {
            throw new IllegalArgumentException("frequency encoder of '" + n.get("column").asText() + "' must have one share per level, "
                    + "but has " + levels.size() + " levels and " + shares.size() + " shares");
        }
        return new FrequencyEncoder(n.get("column").asText(), levels, shares, n.get("missing_share").asDouble());
    }
}
