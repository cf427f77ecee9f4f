package automl4j.journal;

import automl4j.execute.OutcomeJson;
import automl4j.internal.JsonFields;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Journal events as one-line JSON objects and back. Numbers are written so that they read back to the same double;
 * a line that is not a complete, known event is refused with the reason, never guessed at.
 */
final class JournalCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalCodec() {
    }

    /** The event as one line of JSON, without the line break. */
    static String write(JournalEvent event) {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", event.name());
        if (event instanceof JournalEvent.RunStarted e) {
            n.put("format", e.formatVersion());
            ObjectNode settings = n.putObject("settings");
            e.settings().forEach(settings::put);
            n.put("data", e.dataFingerprint());
        } else if (event instanceof JournalEvent.Resumed e) {
            n.put("elapsed", e.elapsedSeconds());
        } else if (event instanceof JournalEvent.TrialProposed e) {
            n.put("trial", e.trial());
            n.put("elapsed", e.elapsedSeconds());
            ConfigJson.write(n.putObject("config"), e.config());
        } else if (event instanceof JournalEvent.TrialStarted e) {
            n.put("trial", e.trial());
            n.put("elapsed", e.elapsedSeconds());
        } else if (event instanceof JournalEvent.TrialFinished e) {
            n.put("trial", e.trial());
            n.put("elapsed", e.elapsedSeconds());
            OutcomeJson.write(n.putObject("outcome"), e.outcome());
        } else if (event instanceof JournalEvent.RunFinished e) {
            n.put("elapsed", e.elapsedSeconds());
            n.put("status", e.status());
            n.put("detail", e.detail());
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write journal event " + event, e);
        }
    }

    /**
     * The event on {@code line}.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static JournalEvent read(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String name = JsonFields.text(n, "event");
        return switch (name) {
            case "run_started" -> {
                Map<String, String> settings = new TreeMap<>();
                JsonFields.field(n, "settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
                yield new JournalEvent.RunStarted(JsonFields.integer(n, "format"), settings, JsonFields.text(n, "data"));
            }
            case "resumed" -> new JournalEvent.Resumed(JsonFields.number(n, "elapsed"));
            case "trial_proposed" -> new JournalEvent.TrialProposed(JsonFields.integer(n, "trial"), ConfigJson.read(JsonFields.field(n, "config")),
                    JsonFields.number(n, "elapsed"));
            case "trial_started" -> new JournalEvent.TrialStarted(JsonFields.integer(n, "trial"), JsonFields.number(n, "elapsed"));
            case "trial_finished" -> new JournalEvent.TrialFinished(JsonFields.integer(n, "trial"), OutcomeJson.read(JsonFields.field(n, "outcome")),
                    JsonFields.number(n, "elapsed"));
            case "run_finished" -> new JournalEvent.RunFinished(JsonFields.number(n, "elapsed"), JsonFields.text(n, "status"), JsonFields.text(n, "detail"));
            default -> throw new IllegalArgumentException("unknown event '" + name + "'");
        };
    }

}
