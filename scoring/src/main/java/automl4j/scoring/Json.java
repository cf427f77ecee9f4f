package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checked reads of the featurizer JSON's fields: each names the field when the JSON holds something else. */
final class Json {
    private Json() {
    }

    static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("encoder field '" + name + "' is missing in " + where(n));
        }
        return v;
    }

    static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("encoder field '" + name + "' must be text in " + where(n));
        }
        return v.asText();
    }

    static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("encoder field '" + name + "' must be true or false in " + where(n));
        }
        return v.asBoolean();
    }

    // Numbers are read as doubles, as the engine's fromJson reads them; a non-finite one would only give NaN features.
    static double number(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("encoder field '" + name + "' must be a finite number in " + where(n));
        }
        return v.asDouble();
    }

    static long integer(JsonNode n, String name, long min, long max) {
        JsonNode v = field(n, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new IllegalArgumentException("encoder field '" + name + "' must be an integer in [" + min + ", " + max + "] in " + where(n));
        }
        return v.asLong();
    }

    static JsonNode array(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw new IllegalArgumentException("encoder field '" + name + "' must be an array in " + where(n));
        }
        return v;
    }

    static List<String> texts(JsonNode n, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : array(n, name)) {
            if (!x.isTextual()) {
                throw new IllegalArgumentException("encoder field '" + name + "' must hold text only in " + where(n));
            }
            out.add(x.asText());
        }
        return out;
    }

    /** As the engine's {@code JsonArrays.floats}: each number read as a double, then rounded to a float. */
    static float[] floats(JsonNode n, String name) {
        JsonNode a = array(n, name);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("encoder field '" + name + "' must hold numbers only in " + where(n));
            }
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    /** Position of each value in {@code values}; a repeated value keeps its last position, as the engine's index does. */
    static Map<String, Integer> positions(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        return Map.copyOf(index);
    }

    private static String where(JsonNode n) {
        JsonNode c = n.get("column");
        return c != null && c.isTextual() ? "the encoder of column '" + c.asText() + "'" : "an encoder";
    }
}
