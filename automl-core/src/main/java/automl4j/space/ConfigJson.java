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
        ObjectNode values = node.putObject("values");
        config.values().forEach((k, v) -> {
            if (v instanceof Integer i) {
                values.put(k, i);
            } else if (v instanceof Double d) {
                values.put(k, d);
            } else {
                values.put(k, (String) v);
            }
        });
    }

    /** The config in {@code node}. */
    public static Config read(JsonNode node) {
        Map<String, Object> values = new TreeMap<>();
        node.path("values").properties().forEach(e -> {
            JsonNode v = e.getValue();
            values.put(e.getKey(), v.isInt() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble() : v.asText());
        });
        return Config.of(node.path("learner").asText(), values);
    }
}
