package automl4j.cli;

import automl4j.registry.Run;
import automl4j.registry.RunRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs side by side, one column each: the fields, every metric any of them has, and the effective-config keys whose
 * values differ between them (read from each run's config text, flattened to {@code search.seed} and so on).
 */
final class RunComparison {
    private final List<Run> runs;
    /** Row label to one cell per run, in row order. */
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    private RunComparison(List<Run> runs) {
        this.runs = runs;
    }

    static RunComparison of(List<Run> runs) {
        RunComparison c = new RunComparison(runs);
        c.field("started", r -> RegistryFormat.time(r.started()));
        c.field("status", RunRecord::status);
        c.field("task", RunRecord::task);
        c.field("target", RunRecord::target);
        c.field("metric", RunRecord::metric);
        c.field("validation", r -> RegistryFormat.score(r.validationScore()));
        c.field("test", r -> RegistryFormat.score(r.testScore()));
        Set<String> metrics = new LinkedHashSet<>();
        runs.forEach(r -> metrics.addAll(r.record().metrics().keySet()));
        metrics.forEach(m -> c.field(m, r -> RegistryFormat.score(r.metrics().get(m))));
        boolean sameData = runs.stream().map(r -> r.record().dataFingerprint()).distinct().count() == 1;
        c.field("data fingerprint", r -> RegistryFormat.shortHash(r.dataFingerprint()));
        c.rows.put("same data", runs.stream().map(r -> sameData ? "yes" : "no").toList());
        List<Map<String, String>> configs = runs.stream().map(r -> flatConfig(r.record().config())).toList();
        Set<String> keys = new LinkedHashSet<>();
        configs.forEach(m -> keys.addAll(m.keySet()));
        for (String key : keys) {
            List<String> values = configs.stream().map(m -> m.get(key)).toList();
            if (values.stream().distinct().count() > 1) {
                c.rows.put("config " + key, values);
            }
        }
        return c;
    }

    private void field(String label, Function<RunRecord, String> value) {
        rows.put(label, runs.stream().map(r -> value.apply(r.record())).toList());
    }

    /** The config's keys flattened, each with its value as YAML text; empty if there is none or it cannot be read. */
    static Map<String, String> flatConfig(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        if (yaml == null) {
            return out;
        }
        try {
            JsonNode root = ConfigFile.yaml().readTree(yaml);
            if (root != null && root.isObject()) {
                flatten("", root, out);
            }
        } catch (IOException e) {
            out.put("(config)", "unreadable");
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
    }

    void print(PrintStream out) {
        String[] header = new String[runs.size() + 1];
        header[0] = "";
        for (int i = 0; i < runs.size(); i++) {
            header[i + 1] = "RUN " + runs.get(i).id();
        }
        TextTable t = new TextTable(header);
        rows.forEach((label, cells) -> {
            List<Object> row = new ArrayList<>();
            row.add(label);
            row.addAll(cells);
            t.row(row.toArray());
        });
        t.print(out);
    }

    ObjectNode toJson() {
        ObjectNode n = RegistryFormat.JSON.createObjectNode();
        ArrayNode ids = n.putArray("runs");
        runs.forEach(r -> ids.add(r.id()));
        ObjectNode fields = n.putObject("rows");
        rows.forEach((label, cells) -> {
            ArrayNode a = fields.putArray(label);
            cells.forEach(c -> a.add(Objects.toString(c, null)));
        });
        return n;
    }
}
