package automl4j.learn;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.data.Tasks;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model of last resort (id {@value #ID}): predicts the training rows' class frequencies (the class prior) for every
 * row, or their mean value for regression. The engine exports it, flagged, only when a run on valid data ends with no
 * trial completed and not even the cheapest learner's fallback fit finished in time (issue 14), so that a valid run
 * always ends with a model. The search never proposes it: it is not listed in {@code META-INF/services}, and
 * {@link automl4j.export.PipelineBundle} finds it by its id when loading a model file.
 *
 * <p>Payload (format {@value #FORMAT}): UTF-8 JSON, an object with exactly these fields: {@code "version": 1},
 * {@code "task"} ({@code binary}, {@code multiclass} or {@code regression}), and for classification {@code "classes"}
 * (at least two distinct labels, in the target's class order) and {@code "probabilities"} (one finite number in [0, 1]
 * per class, summing to 1 within 1e-6), for regression {@code "mean"} (a finite number). {@link #load} checks all of
 * this and rejects anything else. Immutable and thread-safe.
 */
public final class BaselineLearner implements Learner {
    /** The learner id written into model files. */
    public static final String ID = "baseline";
    /** The payload format. */
    public static final String FORMAT = "baseline-json";
    /** Largest payload {@link #load} reads, in bytes. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The baseline learner; it has no settings. */
    public BaselineLearner() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    /** The empty space: the baseline has no hyperparameters. */
    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of();
    }

    /** Costs nothing to fit. */
    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(0);
    }

    /** The class frequencies or the mean of {@code data}'s labels; the config and context are not used. */
    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        double[] y = data.labels().toArray();
        if (y.length == 0) {
            throw new IllegalArgumentException("the baseline needs at least one training row");
        }
        if (data.target().task() instanceof Classification) {
            List<String> classes = data.target().classes();
            double[] p = new double[classes.size()];
            for (double v : y) {
                p[(int) v]++;
            }
            for (int k = 0; k < p.length; k++) {
                p[k] /= y.length;
            }
            return new Model(data.target().task(), classes, p, Double.NaN);
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        return new Model(new Regression(), List.of(), new double[0], mean);
    }

    /**
     * Reads a payload written by the baseline's {@link FittedModel#export()}.
     *
     * @throws IllegalArgumentException naming what is wrong, if the format or the JSON is not exactly as documented
     */
    @Override
    public FittedModel load(ModelArtifact artifact) {
        if (!FORMAT.equals(artifact.format())) {
            throw new IllegalArgumentException("baseline model: format must be '" + FORMAT + "', but was '" + artifact.format() + "'");
        }
        byte[] payload = artifact.payload();
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("baseline model: payload must be at most " + MAX_PAYLOAD_BYTES + " bytes, but was "
                    + payload.length);
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("baseline model: payload is not JSON (" + e.getOriginalMessage() + ")");
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
        String task = Tasks.parseLabel(root.path("task").asText());
        boolean regression = task.equals(Tasks.REGRESSION);
        Set<String> allowed = !regression ? Set.of("version", "task", "classes", "probabilities")
                : Set.of("version", "task", "mean");
        Set<String> fields = new TreeSet<>();
        root.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(new TreeSet<>(allowed))) {
            throw new IllegalArgumentException("baseline model: fields must be " + new TreeSet<>(allowed) + ", but were " + fields);
        }
        if (regression) {
            JsonNode mean = root.get("mean");
            if (!mean.isNumber() || !Double.isFinite(mean.asDouble())) {
                throw new IllegalArgumentException("baseline model: 'mean' must be a finite number, but was " + mean);
            }
            return new Model(new Regression(), List.of(), new double[0], mean.asDouble());
        }
        JsonNode classes = root.get("classes");
        JsonNode probabilities = root.get("probabilities");
        if (!classes.isArray() || !probabilities.isArray() || classes.size() != probabilities.size() || classes.size() < 2
                || (task.equals(Tasks.BINARY) && classes.size() != 2)) {
            throw new IllegalArgumentException("baseline model: 'classes' and 'probabilities' must be arrays of one length, at least 2 "
                    + "(exactly 2 for binary), but were " + classes + " and " + probabilities);
        }
        List<String> labels = new ArrayList<>();
        double[] p = new double[classes.size()];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            JsonNode c = classes.get(k);
            JsonNode v = probabilities.get(k);
            if (!c.isTextual() || labels.contains(c.asText())) {
                throw new IllegalArgumentException("baseline model: class " + k + " must be a distinct string, but was " + c);
            }
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                throw new IllegalArgumentException("baseline model: probability " + k + " must be a number in [0, 1], but was " + v);
            }
            labels.add(c.asText());
            p[k] = v.asDouble();
            sum += p[k];
        }
        if (!(Math.abs(sum - 1) <= 1e-6)) {
            throw new IllegalArgumentException("baseline model: probabilities must sum to 1, but summed to " + sum);
        }
        return new Model(Tasks.of(task, labels), labels, p, Double.NaN);
    }

    /** A fitted baseline: the same prediction for every row. */
    private static final class Model implements FittedModel {
        private final Task task;
        private final List<String> classes;
        private final double[] prior;
        private final double mean;

        Model(Task task, List<String> classes, double[] prior, double mean) {
            this.task = task;
            this.classes = List.copyOf(classes);
            this.prior = prior.clone();
            this.mean = mean;
        }

        @Override
        public Predictions predict(FeatureMatrix features) {
            int n = features.rows();
            if (!(task instanceof Classification)) {
                double[] values = new double[n];
                java.util.Arrays.fill(values, mean);
                return Predictions.ofValues(values);
            }
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = prior.clone();
            }
            return Predictions.ofProbabilities(task, classes, p);
        }

        @Override
        public ModelArtifact export() {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", 1);
            root.put("task", task.label());
            if (task instanceof Classification) {
                ArrayNode c = root.putArray("classes");
                classes.forEach(c::add);
                ArrayNode p = root.putArray("probabilities");
                for (double v : prior) {
                    p.add(v);
                }
            } else {
                root.put("mean", mean);
            }
            return new ModelArtifact(ID, FORMAT, Map.of(), root.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
