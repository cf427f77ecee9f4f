package automl4j.search;

import automl4j.data.Task;
import automl4j.data.Tasks;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.space.Config;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configs tried first, before the searcher proposes anything (warm start): per task label, an ordered list of
 * learner configs that did well across many datasets. A config whose learner is not in a run, or whose values are
 * outside that run's space, is skipped.
 *
 * <p>The built-in portfolio is split by learner: each learner module carries the entries of its learners (the resource
 * {@code automl4j/portfolio/<learner id>.json}, each entry with its rank), and {@link #builtIn()} merges those of the
 * learners on the class path by rank, so an application that leaves a learner module out leaves out its entries. It
 * was derived from the public benchmark suite only,
 * by {@code automl portfolio} in the bench module: on each dataset, the best configs of a search on the training rows
 * of outer fold 0 become candidates; every candidate is scored on every dataset of its task by inner validation on
 * those same training rows; then greedy selection adds, one at a time, the candidate that most raises the mean over
 * datasets of the best normalized score in the portfolio so far. Outer test rows are never used. The file records the
 * command, budget and date it was derived with.
 *
 * @param configs  per task label ({@link Tasks#labels()}), the configs in the order they are tried
 * @param derived  how the portfolio was made (free text, kept in the file)
 */
public record Portfolio(Map<String, List<Config>> configs, String derived) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Portfolio {
        Map<String, List<Config>> copy = new TreeMap<>();
        configs.forEach((k, v) -> copy.put(Tasks.parseLabel(k), List.copyOf(v)));
        configs = java.util.Collections.unmodifiableMap(copy);
        derived = derived == null ? "" : derived;
    }

    /** No warm start: only the learners' defaults are tried first. */
    public static Portfolio none() {
        return new Portfolio(Map.of(), "none");
    }

    /** The portfolio shipped with the learners on the class path ({@link Learners#discovered()}). */
    public static Portfolio builtIn() {
        return builtIn(Learners.discovered());
    }

    /**
     * The entries that {@code learners}' modules ship, merged in the order they were derived in.
     *
     * @throws IllegalStateException naming the resource if a learner's entries are malformed
     */
    public static Portfolio builtIn(List<Learner> learners) {
        return LearnerPortfolios.merge(learners);
    }

    /**
     * This portfolio's entries of {@code learner} in the form of a learner module's resource
     * ({@code automl4j/portfolio/<learner id>.json}), each entry with its rank in its task's list.
     */
    public byte[] toLearnerJson(String learner) {
        return LearnerPortfolios.resourceOf(this, learner);
    }

    /** The configs for {@code task}, in order; empty when none. */
    public List<Config> forTask(Task task) {
        return configs.getOrDefault(task.label(), List.of());
    }

    /** The portfolio as JSON: {@code {"derived": ..., "binary": [{"learner": ..., "values": {...}}, ...], ...}}. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("derived", derived);
        for (String task : Tasks.labels()) {
            if (!configs.containsKey(task)) {
                continue;
            }
            ArrayNode list = root.putArray(task);
            for (Config c : configs.get(task)) {
                ConfigJson.write(list.addObject(), c);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@link #toJson()} output.
     *
     * @throws IllegalArgumentException naming the task and entry that is malformed
     */
    public static Portfolio fromJson(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Map<String, List<Config>> configs = new TreeMap<>();
        for (String task : Tasks.labels()) {
            JsonNode list = root.path(task);
            if (!list.isArray()) {
                continue;
            }
            List<Config> out = new ArrayList<>();
            for (JsonNode n : list) {
                if (!n.path("learner").isTextual() || !n.path("values").isObject()) {
                    throw new IllegalArgumentException("portfolio entry " + out.size() + " of " + task
                            + " needs a 'learner' text and a 'values' object, but was " + n);
                }
                out.add(ConfigJson.read(n));
            }
            configs.put(task, out);
        }
        return new Portfolio(configs, root.path("derived").asText(""));
    }
}
