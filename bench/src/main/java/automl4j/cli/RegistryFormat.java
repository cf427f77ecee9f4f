package automl4j.cli;

import automl4j.registry.ModelSummary;
import automl4j.registry.ModelVersion;
import automl4j.registry.Run;
import automl4j.registry.RunRecord;
import automl4j.registry.StageChange;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** How registry entries print: cells of tables, and the JSON of {@code --json}. */
final class RegistryFormat {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RegistryFormat() {
    }

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    static String score(Double v) {
        return v == null ? null : String.format(Locale.ROOT, "%.5f", v);
    }

    /** The first 12 hex digits, enough to tell checksums apart in a table. */
    static String shortHash(String hex) {
        return hex == null ? null : hex.substring(0, Math.min(12, hex.length()));
    }

    static void printJson(Object node, PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> ArrayNode array(Collection<T> items, Function<T, ObjectNode> each) {
        ArrayNode a = JSON.createArrayNode();
        items.forEach(i -> a.add(each.apply(i)));
        return a;
    }

    static ObjectNode summary(ModelSummary m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", m.name());
        n.put("versions", m.versions());
        n.put("latest_version", m.latestVersion());
        n.put("production_version", m.productionVersion());
        n.put("created", String.valueOf(m.created()));
        n.put("last_change", m.lastChange() == null ? null : m.lastChange().toString());
        return n;
    }

    static ObjectNode version(ModelVersion v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", v.name());
        n.put("version", v.version());
        n.put("stage", v.stage().label());
        n.put("run_id", v.runId());
        n.put("file", v.file().toString());
        n.put("sha256", v.checksum());
        n.put("size", v.size());
        n.put("created", v.created().toString());
        metrics(n.putObject("metrics"), v.metrics());
        return n;
    }

    static ObjectNode change(StageChange c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id());
        n.put("version", c.version());
        n.put("from", c.from());
        n.put("to", c.to());
        n.put("at", c.at().toString());
        n.put("reason", c.reason());
        return n;
    }

    static ObjectNode run(Run run) {
        RunRecord r = run.record();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", run.id());
        n.put("started", r.started().toString());
        n.put("finished", r.finished() == null ? null : r.finished().toString());
        n.put("status", r.status());
        n.put("task", r.task());
        n.put("target", r.target());
        n.put("metric", r.metric());
        n.put("higher_is_better", r.higherIsBetter());
        n.put("validation_score", r.validationScore());
        n.put("test_score", r.testScore());
        metrics(n.putObject("metrics"), r.metrics());
        n.put("data_fingerprint", r.dataFingerprint());
        n.put("output_folder", r.outputFolder());
        n.put("journal", r.journalPath());
        n.put("model_sha256", r.modelChecksum());
        n.put("config", r.config());
        return n;
    }

    private static void metrics(ObjectNode n, Map<String, Double> metrics) {
        metrics.forEach(n::put);
    }
}
