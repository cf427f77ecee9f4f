package automl4j.featurizers;

import automl4j.data.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.columns.Column;

/**
 * A free-text column as a hashed bag of words: lower-cased alphanumeric tokens hashed into {@code buckets} counts,
 * sublinear (log 1 + count) and L2-normalized per row, plus the token count (log 1 + n). Stateless, so nothing is
 * learned from the training rows and unseen words simply hash like any other. A stop-gap until TF-IDF with a learned
 * vocabulary arrives with the featurization issue; chosen because it keeps text columns useful at a fixed width.
 */
record HashedTextEncoder(String column, int buckets) implements ColumnEncoder {
    static final int DEFAULT_BUCKETS = 256;

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(buckets + 1);
        for (int b = 0; b < buckets; b++) {
            names.add(column + ":hash" + b);
        }
        names.add(column + ":tokens");
        return names;
    }

    @Override
    public void encode(Column<?> col, int row, float[] out, int offset) {
        String s = Cells.text(col, row);
        if (s == null) {
            return;
        }
        int tokens = 0;
        for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out[offset + Math.floorMod(mix(t.hashCode()), buckets)] += 1f;
                tokens++;
            }
        }
        double norm = 0;
        for (int b = 0; b < buckets; b++) {
            float c = out[offset + b];
            if (c > 0) {
                out[offset + b] = (float) Math.log1p(c);
                norm += out[offset + b] * out[offset + b];
            }
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int b = 0; b < buckets; b++) {
                out[offset + b] *= inv;
            }
        }
        out[offset + buckets] = (float) Math.log1p(tokens);
    }

    // String.hashCode clusters similar words in its low bits; a finalizer spreads them over the buckets.
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "hashed-text");
        n.put("column", column);
        n.put("buckets", buckets);
        return n;
    }

    static HashedTextEncoder fromJson(JsonNode n) {
        return new HashedTextEncoder(n.get("column").asText(), n.get("buckets").asInt());
    }
}
