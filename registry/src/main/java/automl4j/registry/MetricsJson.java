package automl4j.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scores by name as a JSON object, the form SQLite's {@code json_extract} sorts by. */
final class MetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Double>> TYPE = new TypeReference<>() {
    };

    private MetricsJson() {
    }

    static String write(Map<String, Double> metrics) {
        try {
            return JSON.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scores cannot be written as JSON", e);
        }
    }

    static Map<String, Double> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new RegistryException("the registry holds scores that are not a JSON object of numbers: " + json, e);
        }
    }
}
