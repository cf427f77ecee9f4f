package automl4j.featurize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data check run before the search, in the spirit of Azure AutoML's data guardrails: what was checked, whether it
 * passed, was fixed (and how) or needs the user's attention, and the figures behind the verdict.
 *
 * @param check   stable kebab-case name, such as {@code class-imbalance} or {@code target-leakage}
 * @param status  the verdict
 * @param message one human-readable sentence naming the columns or classes concerned and what was done
 * @param columns the columns concerned, in table order (empty for table-wide checks)
 * @param figures the numbers behind the verdict, such as a per-column missing share or an imbalance ratio
 */
public record Guardrail(String check, Status status, String message, List<String> columns, Map<String, Double> figures) {
    public Guardrail {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        columns = List.copyOf(columns);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** A check that found nothing. */
    public static Guardrail passed(String check, String message) {
        return new Guardrail(check, Status.PASSED, message, List.of(), Map.of());
    }

    /** The verdict of a check. */
    public enum Status {
        /** Nothing found. */
        PASSED,
        /** Something found and handled automatically; the message says how. */
        FIXED,
        /** Something found that AutoML4J cannot fix; the user should look at it. */
        ALERT;

        /** Lower-case name, as written in {@code guardrails.json}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The guardrail as a JSON object: check, status, message, columns, figures. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson(com.fasterxml.jackson.databind.ObjectMapper json) {
        com.fasterxml.jackson.databind.node.ObjectNode n = json.createObjectNode();
        n.put("check", check);
        n.put("status", status.label());
        n.put("message", message);
        columns.forEach(n.putArray("columns")::add);
        com.fasterxml.jackson.databind.node.ObjectNode f = n.putObject("figures");
        figures.forEach(f::put);
        return n;
    }

    /**
     * Reads a guardrail written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if a field is missing or the status is unknown
     */
    public static Guardrail fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        if (!n.hasNonNull("check") || !n.hasNonNull("status") || !n.hasNonNull("message")) {
            throw new IllegalArgumentException("a guardrail needs check, status and message, but was " + n);
        }
        List<String> columns = new java.util.ArrayList<>();
        n.path("columns").forEach(c -> columns.add(c.asText()));
        Map<String, Double> figures = new LinkedHashMap<>();
        n.path("figures").properties().forEach(e -> figures.put(e.getKey(), e.getValue().asDouble()));
        return new Guardrail(n.get("check").asText(), Status.valueOf(n.get("status").asText().toUpperCase(java.util.Locale.ROOT)),
                n.get("message").asText(), columns, figures);
    }

    @Override
    public String toString() {
        return status.label() + " " + check + ": " + message;
    }
}
