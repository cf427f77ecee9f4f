package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Engine: {@code HashedTextEncoder} (text in featurizer files of version 1). Lower-cased tokens (split on runs of
 * anything but Unicode letters and digits) hashed into {@code buckets} counts, each replaced by {@code ln(1 + count)},
 * the buckets L2-normalized, then {@code ln(1 + tokens)}. Missing text gives zeros.
 */
record HashedTextEncoding(String column, int buckets) implements ColumnEncoding {
    /** The engine's {@code HashedTextEncoder.MAX_BUCKETS}. */
    static final int MAX_BUCKETS = 1 << 20;
    // What the engine's String.split compiles for every cell.
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static HashedTextEncoding fromJson(JsonNode n) {
        return new HashedTextEncoding(Json.text(n, "column"), (int) Json.integer(n, "buckets", 1, MAX_BUCKETS));
    }

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
    public void encode(Object value, float[] out, int offset) {
        String s = RowCells.text(value);
        if (s == null) {
            return;
        }
        int tokens = 0;
        for (String t : SEPARATORS.split(s.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out[offset + Math.floorMod(HashedCategory.mix(t.hashCode()), buckets)] += 1f;
                tokens++;
            }
        }
        // As the engine: the squares are float products, summed in double.
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
}
