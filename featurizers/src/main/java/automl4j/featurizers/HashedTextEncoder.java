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
 * A free-text column as a hashed bag of words: lower-cased alphanumeric tokens hashed into {@code buckets} counts,
 * sublinear (log 1 + count) and L2-normalized per row, plus the token count (log 1 + n). Stateless, so nothing is
 * learned from the training rows and unseen words simply hash like any other. Format-1 pipelines use it; new fits use
 * {@link TfidfEncoder}, which is kept only so that older exported pipelines still load and predict the same.
 */
record HashedTextEncoder(String column, int buckets) implements ColumnEncoder {
    /** The most buckets a file may declare. */
    static final int MAX_BUCKETS = 1 << 20;
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
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        for (int i = 0; i < n; i++) {
            encodeRow(col, ColumnEncoder.row(rows, i), out, i * stride + offset);
        }
    }

    private void encodeRow(Column<?> col, int row, float[] out, int offset) {
        String s = Cells.text(col, row);
        if (s == null) {
            return;
        }
        int tokens = 0;
        for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out[offset + Math.floorMod(Hashing.mix(t.hashCode()), buckets)] += 1f;
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

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "hashed-text");
        n.put("column", column);
        n.put("buckets", buckets);
        return n;
    }

    static HashedTextEncoder fromJson(JsonNode n) {
        int buckets = n.get("buckets").asInt();
        if (buckets < 1 || buckets > MAX_BUCKETS) {   // the feature names are allocated from it
            throw new IllegalArgumentException("hashed-text encoder of '" + n.get("column").asText() + "' must have 1 to " + MAX_BUCKETS
                    + " buckets, but has " + buckets);
        }
        return new HashedTextEncoder(n.get("column").asText(), buckets);
    }
}
