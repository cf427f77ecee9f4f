package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed, checked access to the fields of a manifest (a copy of the engine's {@code ManifestFields}): each method names
 * the field and what it expected when the file holds something else, by throwing {@link IllegalArgumentException}.
 */
final class Fields {
    private Fields() {
    }

    static JsonNode field(JsonNode node, String where, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(join(where, name) + " is missing");
        }
        return v;
    }

    static JsonNode object(JsonNode node, String where, String name) {
        JsonNode v = field(node, where, name);
        if (!v.isObject()) {
            throw new IllegalArgumentException(join(where, name) + " must be an object, but was " + describe(v));
        }
        return v;
    }

    static JsonNode array(JsonNode node, String where, String name, int maxSize) {
        JsonNode v = field(node, where, name);
        if (!v.isArray()) {
            throw new IllegalArgumentException(join(where, name) + " must be an array, but was " + describe(v));
        }
        if (v.size() > maxSize) {
            throw new IllegalArgumentException(join(where, name) + " may hold at most " + maxSize + " items, but holds " + v.size());
        }
        return v;
    }

    static String text(JsonNode node, String where, String name) {
        JsonNode v = field(node, where, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(join(where, name) + " must be text, but was " + describe(v));
        }
        return v.asText();
    }

    static long integer(JsonNode node, String where, String name, long min, long max) {
        JsonNode v = field(node, where, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new IllegalArgumentException(join(where, name) + " must be an integer in [" + min + ", " + max + "], but was "
                    + describe(v));
        }
        return v.asLong();
    }

    static double number(JsonNode node, String where, String name) {
        JsonNode v = field(node, where, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(join(where, name) + " must be a finite number, but was " + describe(v));
        }
        return v.asDouble();
    }

    static List<String> texts(JsonNode node, String where, String name, int maxSize) {
        List<String> out = new ArrayList<>();
        JsonNode a = array(node, where, name, maxSize);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw new IllegalArgumentException(join(where, name) + "[" + i + "] must be text, but was " + describe(a.get(i)));
            }
            out.add(a.get(i).asText());
        }
        return out;
    }

    /** An object of text values (an absent field reads as empty). */
    static Map<String, String> textMap(JsonNode node, String where, String name) {
        Map<String, String> out = new TreeMap<>();
        JsonNode v = node.get(name);
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(join(where, name) + " must be an object, but was " + describe(v));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException(join(where, name) + "." + e.getKey() + " must be text, but was "
                        + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static String join(String where, String name) {
        return where.isEmpty() ? name : where + "." + name;
    }

    /** A short description of a JSON value for messages: its type and, for scalars, at most 40 characters of it. */
    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
