package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a model was fitted on (the target excluded), what kind each was taken for, whether predictions read it,
 * and the categories seen in training. Read from the fitted featurizers' JSON. Immutable.
 */
public final class InputSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<InputColumn> columns;
    private final Map<String, InputColumn> byName;

    private InputSchema(List<InputColumn> columns) {
        this.columns = List.copyOf(columns);
        Map<String, InputColumn> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.name(), c));
        this.byName = m;
    }

    /** The schema of the featurizers' exported JSON (members may have their own; a column is used if any uses it). */
    static InputSchema of(List<byte[]> featurizers) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        Map<String, Set<String>> categories = new LinkedHashMap<>();
        for (byte[] bytes : featurizers) {
            JsonNode root = parse(bytes);
            root.path("inputs").forEach(n -> kinds.putIfAbsent(n.asText(), "unknown"));
            root.path("kinds").properties().forEach(e -> {
                if (kinds.get(e.getKey()) == null || kinds.get(e.getKey()).equals("unknown")) {
                    kinds.put(e.getKey(), e.getValue().asText());
                }
            });
            for (JsonNode encoder : root.path("encoders")) {
                String column = encoder.path("column").asText();
                used.add(column);
                kinds.putIfAbsent(column, "unknown");
                if (encoder.has("levels")) {
                    Set<String> levels = categories.computeIfAbsent(column, k -> new LinkedHashSet<>());
                    encoder.path("levels").forEach(l -> levels.add(l.asText()));
                }
            }
        }
        List<InputColumn> out = new ArrayList<>();
        kinds.forEach((name, kind) -> out.add(new InputColumn(name, kind, used.contains(name),
                List.copyOf(categories.getOrDefault(name, Set.of())))));
        return new InputSchema(out);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            // Unreachable for a loaded model: TabularTransform.of parsed the same bytes first.
            throw new IllegalArgumentException("featurizer entry is not valid JSON", e);
        }
    }

    /** Every column the model was fitted on, in training order. */
    public List<InputColumn> columns() {
        return columns;
    }

    /** The names of the columns predictions read: a row must hold each of them as a key. */
    public List<String> usedColumns() {
        return columns.stream().filter(InputColumn::used).map(InputColumn::name).toList();
    }

    /** The column called {@code name}, if the model was fitted on one. */
    public Optional<InputColumn> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public String toString() {
        return "InputSchema" + columns;
    }
}
