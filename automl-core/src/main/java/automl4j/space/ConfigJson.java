package automl4j.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configs as JSON objects {@code {"learner": ..., "values": {...}}}, the form used in exported pipelines and the
 * portfolio file: integers stay integers, other numbers are doubles, the rest text.
 */
public final class ConfigJson {
    private ConfigJson() {
    }

    /** Writes {@code config} into {@code node}. */
    public static void write(ObjectNode node, Config config) {
        node.put("learner", config.learner());
        writeValues(node.putObject("values"), config.values());
    }

    /** The config in {@code node}. */
    public static Config read(JsonNode node) {
        return Config.of(node.path("learner").asText(), readValues(node.path("values")));
    }

    /** Writes {@code values} into {@code target}: integers as integers, other numbers as doubles, the rest as text. */
    public static void writeValues(ObjectNode target, Map<String, ?> values) {
        values.forEach((k, v) -> {
            if (v instanceof Integer i) {
                target.put(k, i);
            } else if (v instanceof Number d) {
                target.put(k, d.doubleValue());
            } else {
                target.put(k, String.valueOf(v));
            }
        });
    }

    /** The values {@link #writeValues} wrote into {@code node}, in key order. */
    public static Map<String, Object> readValues(JsonNode node) {
        Map<String, Object> values = new TreeMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            values.put(e.getKey(), v.isInt() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble() : v.asText());
        });
        return values;
    }
}
