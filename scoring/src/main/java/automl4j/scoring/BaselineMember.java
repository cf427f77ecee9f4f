package automl4j.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's {@code baseline} member (payload {@value #FORMAT}): the training rows' class frequencies, or their mean,
 * for every row. The payload is checked as the engine's {@code BaselineLearner.load} checks it, with its messages, and
 * must also describe the pipeline's own target: the engine would otherwise label the prior with the payload's classes.
 */
final class BaselineMember implements MemberModel {
    static final String FORMAT = "baseline-json";
    private static final int MAX_PAYLOAD_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TASKS = List.of("binary", "multiclass", "regression");
    private final double[] prediction;

    private BaselineMember(double[] prediction) {
        this.prediction = prediction;
    }

    @Override
    public double[] predict(float[] features) {
        return prediction.clone();
    }

    static MemberModel load(MemberPayload p) {
        if (!FORMAT.equals(p.member().payloadFormat())) {
            throw new IllegalArgumentException("baseline model: format must be '" + FORMAT + "', but was '" + p.member().payloadFormat() + "'");
        }
        byte[] payload = p.payload();
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("baseline model: payload must be at most " + MAX_PAYLOAD_BYTES + " bytes, but was "
                    + payload.length);
        }
        JsonNode root;
        try {
            // Decoded as the engine decodes it: a malformed UTF-8 byte becomes U+FFFD rather than an error.
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("baseline model: payload is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("baseline model: payload must be a JSON object");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != 1) {
            throw new IllegalArgumentException("baseline model: 'version' must be 1, but was " + root.path("version"));
        }
        if (!root.path("task").isTextual()) {
            throw new IllegalArgumentException("baseline model: 'task' must be a string, but was " + root.path("task"));
        }
        String task = task(root.path("task").asText());
        boolean regression = task.equals("regression");
        Set<String> allowed = new TreeSet<>(regression ? Set.of("version", "task", "mean") : Set.of("version", "task", "classes", "probabilities"));
        Set<String> fields = new TreeSet<>();
        root.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(allowed)) {
            throw new IllegalArgumentException("baseline model: fields must be " + allowed + ", but were " + fields);
        }
        if (regression) {
            JsonNode mean = root.get("mean");
            if (!mean.isNumber() || !Double.isFinite(mean.asDouble())) {
                throw new IllegalArgumentException("baseline model: 'mean' must be a finite number, but was " + mean);
            }
            requireTarget(p, task, List.of());
            return new BaselineMember(new double[] {mean.asDouble()});
        }
        JsonNode classes = root.get("classes");
        JsonNode probabilities = root.get("probabilities");
        if (!classes.isArray() || !probabilities.isArray() || classes.size() != probabilities.size() || classes.size() < 2
                || (task.equals("binary") && classes.size() != 2)) {
            throw new IllegalArgumentException("baseline model: 'classes' and 'probabilities' must be arrays of one length, at least 2 "
                    + "(exactly 2 for binary), but were " + classes + " and " + probabilities);
        }
        List<String> labels = new ArrayList<>();
        double[] prior = new double[classes.size()];
        double sum = 0;
        for (int k = 0; k < prior.length; k++) {
            JsonNode c = classes.get(k);
            JsonNode v = probabilities.get(k);
            if (!c.isTextual() || labels.contains(c.asText())) {
                throw new IllegalArgumentException("baseline model: class " + k + " must be a distinct string, but was " + c);
            }
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                throw new IllegalArgumentException("baseline model: probability " + k + " must be a number in [0, 1], but was " + v);
            }
            labels.add(c.asText());
            prior[k] = v.asDouble();
            sum += prior[k];
        }
        if (!(Math.abs(sum - 1) <= 1e-6)) {
            throw new IllegalArgumentException("baseline model: probabilities must sum to 1, but summed to " + sum);
        }
        requireTarget(p, task, labels);
        return new BaselineMember(prior);
    }

    /** The engine's {@code Tasks.parseLabel}: a known task label, in any case, around spaces. */
    private static String task(String text) {
        for (String label : TASKS) {
            if (label.equalsIgnoreCase(text.trim())) {
                return label;
            }
        }
        throw new IllegalArgumentException("baseline model: task must be one of " + TASKS + ", but was '" + text + "'");
    }

    private static void requireTarget(MemberPayload p, String task, List<String> classes) {
        Manifest.Target target = p.target();
        if (!target.task().equals(task) || !target.classes().equals(classes)) {
            throw new IllegalArgumentException("baseline model: payload predicts a " + task + " target" + (classes.isEmpty() ? "" : " of classes "
                    + classes) + ", but the model's target '" + target.name() + "' is " + target.task()
                    + (target.classes().isEmpty() ? "" : " of classes " + target.classes()));
        }
    }
}
