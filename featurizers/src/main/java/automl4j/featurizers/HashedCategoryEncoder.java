package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A very-high-cardinality column hashed into {@value #BUCKETS} one-hot buckets (missing values hash like the empty
 * string). Learns nothing, so unseen categories simply land in some bucket; the price is collisions.
 */
record HashedCategoryEncoder(String column) implements ColumnEncoder {
    /** Number of buckets. */
    static final int BUCKETS = 32;

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            names.add(column + ":bucket" + b);
        }
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        for (int i = 0; i < n; i++) {
            String s = Cells.text(col, ColumnEncoder.row(rows, i));
            out[i * stride + offset + Math.floorMod(Hashing.mix((s == null ? "" : s).hashCode()), BUCKETS)] = 1f;
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "hashed-category");
        n.put("column", column);
        return n;
    }

    static HashedCategoryEncoder fromJson(JsonNode n) {
        return new HashedCategoryEncoder(n.get("column").asText());
    }
}
