package automl4j.execute;

import automl4j.internal.JsonFields;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trial outcomes as JSON objects ({@code status} and the outcome's fields) and back, as the journal stores them and
 * worker processes report them. Doubles read back exactly; a missing or mistyped field is refused by name.
 */
public final class OutcomeJson {
    private OutcomeJson() {
    }

    /** Writes {@code outcome} into {@code n}. */
    public static void write(ObjectNode n, TrialOutcome outcome) {
        n.put("status", outcome.status());
        if (outcome instanceof TrialOutcome.Completed c) {
            n.put("score", c.score());
            n.put("score_std", c.scoreStd());
            n.put("fit_seconds", c.fitSeconds());
            n.put("predict_micros_per_row", c.predictMicrosPerRow());
            n.put("device", c.device());
            ConfigJson.writeValues(n.putObject("refit_settings"), c.refitSettings());
            writeScores(n.putArray("split_scores"), c.splitScores());
            if (!c.rungScores().isEmpty()) {
                writeScores(n.putArray("rung_scores"), c.rungScores());
            }
        } else if (outcome instanceof TrialOutcome.Pruned p) {
            n.put("partial_score", p.partialScore());
            n.put("seconds", p.seconds());
            writeScores(n.putArray("split_scores"), p.splitScores());
            if (p.atRowRung()) {
                n.put("rows", p.rows());
                writeScores(n.putArray("rung_scores"), p.rungScores());
            }
        } else if (outcome instanceof TrialOutcome.Failed f) {
            n.put("message", f.message());
            n.put("seconds", f.seconds());
        } else if (outcome instanceof TrialOutcome.OutOfMemory m) {
            n.put("message", m.message());
            n.put("seconds", m.seconds());
        } else if (outcome instanceof TrialOutcome.Crashed c) {
            n.put("message", c.message());
            n.put("seconds", c.seconds());
        } else if (outcome instanceof TrialOutcome.TimedOut t) {
            n.put("seconds", t.seconds());
        }
    }

    /** The outcome in {@code n}; an {@link IllegalArgumentException} names a missing or mistyped field. */
    public static TrialOutcome read(JsonNode n) {
        String status = JsonFields.text(n, "status");
        return switch (status) {
            case "completed" -> {
                Map<String, Object> refit = ConfigJson.readValues(JsonFields.field(n, "refit_settings"));
                yield new TrialOutcome.Completed(JsonFields.number(n, "score"), JsonFields.number(n, "score_std"), JsonFields.number(n, "fit_seconds"),
                        JsonFields.number(n, "predict_micros_per_row"), JsonFields.text(n, "device"), refit, scores(n, "split_scores"),
                        rungScores(n));
            }
            case "pruned" -> new TrialOutcome.Pruned(JsonFields.number(n, "partial_score"), scores(n, "split_scores"),
                    JsonFields.number(n, "seconds"), n.has("rows") ? rows(n) : 0, rungScores(n));
            case "failed" -> new TrialOutcome.Failed(JsonFields.text(n, "message"), JsonFields.number(n, "seconds"));
            case "out_of_memory" -> new TrialOutcome.OutOfMemory(JsonFields.text(n, "message"), JsonFields.number(n, "seconds"));
            case "crashed" -> new TrialOutcome.Crashed(JsonFields.text(n, "message"), JsonFields.number(n, "seconds"));
            case "timed_out" -> new TrialOutcome.TimedOut(JsonFields.number(n, "seconds"));
            case "cancelled" -> new TrialOutcome.Cancelled();
            default -> throw new IllegalArgumentException("unknown trial status '" + status + "'");
        };
    }

    private static void writeScores(ArrayNode a, List<Double> scores) {
        scores.forEach(a::add);
    }

    private static List<Double> scores(JsonNode n, String field) {
        JsonNode a = JsonFields.field(n, field);
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(JsonFields.asDouble(v, field)));
        return out;
    }

    /** The row-rung scores; absent (a trial without rungs, or a journal written before them) is none. */
    private static List<Double> rungScores(JsonNode n) {
        return n.has("rung_scores") ? scores(n, "rung_scores") : List.of();
    }

    private static int rows(JsonNode n) {
        JsonNode v = n.get("rows");
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1) {
            throw new IllegalArgumentException("'rows' must be a positive integer, but was " + v);
        }
        return v.intValue();
    }

}
