package automl4j.journal;

import automl4j.run.TrialOutcome;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
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
            writeOutcome(n.putObject("outcome"), e.outcome());
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
        String name = text(n, "event");
        return switch (name) {
            case "run_started" -> {
                Map<String, String> settings = new TreeMap<>();
                field(n, "settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
                yield new JournalEvent.RunStarted(integer(n, "format"), settings, text(n, "data"));
            }
            case "resumed" -> new JournalEvent.Resumed(number(n, "elapsed"));
            case "trial_proposed" -> new JournalEvent.TrialProposed(integer(n, "trial"), ConfigJson.read(field(n, "config")),
                    number(n, "elapsed"));
            case "trial_started" -> new JournalEvent.TrialStarted(integer(n, "trial"), number(n, "elapsed"));
            case "trial_finished" -> new JournalEvent.TrialFinished(integer(n, "trial"), readOutcome(field(n, "outcome")),
                    number(n, "elapsed"));
            case "run_finished" -> new JournalEvent.RunFinished(number(n, "elapsed"), text(n, "status"), text(n, "detail"));
            default -> throw new IllegalArgumentException("unknown event '" + name + "'");
        };
    }

    private static void writeOutcome(ObjectNode n, TrialOutcome outcome) {
        n.put("status", outcome.status());
        if (outcome instanceof TrialOutcome.Completed c) {
            n.put("score", c.score());
            n.put("score_std", c.scoreStd());
            n.put("fit_seconds", c.fitSeconds());
            n.put("predict_micros_per_row", c.predictMicrosPerRow());
            n.put("device", c.device());
            ObjectNode refit = n.putObject("refit_settings");
            c.refitSettings().forEach((k, v) -> {
                if (v instanceof Integer i) {
                    refit.put(k, i);
                } else if (v instanceof Number d) {
                    refit.put(k, d.doubleValue());
                } else {
                    refit.put(k, String.valueOf(v));
                }
            });
            writeScores(n.putArray("split_scores"), c.splitScores());
        } else if (outcome instanceof TrialOutcome.Pruned p) {
            n.put("partial_score", p.partialScore());
            n.put("seconds", p.seconds());
            writeScores(n.putArray("split_scores"), p.splitScores());
        } else if (outcome instanceof TrialOutcome.Failed f) {
            n.put("message", f.message());
            n.put("seconds", f.seconds());
        } else if (outcome instanceof TrialOutcome.OutOfMemory m) {
            n.put("message", m.message());
            n.put("seconds", m.seconds());
        } else if (outcome instanceof TrialOutcome.TimedOut t) {
            n.put("seconds", t.seconds());
        }
    }

    private static TrialOutcome readOutcome(JsonNode n) {
        String status = text(n, "status");
        return switch (status) {
            case "completed" -> {
                Map<String, Object> refit = new TreeMap<>();
                field(n, "refit_settings").properties().forEach(e -> {
                    JsonNode v = e.getValue();
                    refit.put(e.getKey(), v.isInt() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble() : v.asText());
                });
                yield new TrialOutcome.Completed(number(n, "score"), number(n, "score_std"), number(n, "fit_seconds"),
                        number(n, "predict_micros_per_row"), text(n, "device"), refit, scores(n));
            }
            case "pruned" -> new TrialOutcome.Pruned(number(n, "partial_score"), scores(n), number(n, "seconds"));
            case "failed" -> new TrialOutcome.Failed(text(n, "message"), number(n, "seconds"));
            case "out_of_memory" -> new TrialOutcome.OutOfMemory(text(n, "message"), number(n, "seconds"));
            case "timed_out" -> new TrialOutcome.TimedOut(number(n, "seconds"));
            case "cancelled" -> new TrialOutcome.Cancelled();
            default -> throw new IllegalArgumentException("unknown trial status '" + status + "'");
        };
    }

    private static void writeScores(ArrayNode a, List<Double> scores) {
        scores.forEach(a::add);
    }

    private static List<Double> scores(JsonNode n) {
        JsonNode a = field(n, "split_scores");
        if (!a.isArray()) {
            throw new IllegalArgumentException("'split_scores' must be an array");
        }
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(asDouble(v, "split_scores")));
        return out;
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String name) {
        return asDouble(field(n, name), name);
    }

    // Non-finite doubles are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
    private static double asDouble(JsonNode v, String name) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("field '" + name + "' must be a number");
    }
}
