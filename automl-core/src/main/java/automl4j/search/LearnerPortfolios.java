package automl4j.search;

import automl4j.data.Tasks;
import automl4j.learn.Learner;
import automl4j.space.Config;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in portfolio split by learner: each learner module carries the entries of its own learners as the resource
 * {@code automl4j/portfolio/<learner id>.json}, each entry with its rank in the merged list of its task. Merging the
 * resources of the learners present, by rank, gives the portfolio as derived; leaving a module out leaves out its
 * entries and keeps the others in their order.
 */
final class LearnerPortfolios {
    /** Folder of the per-learner resources, found through each learner's own class loader. */
    static final String FOLDER = "/automl4j/portfolio/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LearnerPortfolios() {
    }

    /**
     * The entries of {@code learners}' resources merged by rank.
     *
     * @throws IllegalStateException naming the resource if one is malformed, or the learners if two claim one rank
     */
    static Portfolio merge(List<Learner> learners) {
        Map<String, TreeMap<Integer, Config>> ranked = new TreeMap<>();
        Set<String> derived = new LinkedHashSet<>();
        for (Learner learner : learners) {
            String resource = FOLDER + learner.id() + ".json";
            JsonNode root = read(learner.getClass(), resource);
            if (root == null) {
                continue;
            }
            if (!root.path("derived").asText("").isEmpty()) {
                derived.add(root.path("derived").asText());
            }
            for (String task : Tasks.labels()) {
                for (JsonNode entry : root.path(task)) {
                    Config config = entry(entry, learner.id(), resource);
                    Config clash = ranked.computeIfAbsent(task, t -> new TreeMap<>()).putIfAbsent(entry.path("rank").asInt(), config);
                    if (clash != null) {
                        throw new IllegalStateException("portfolio rank " + entry.path("rank").asInt() + " of " + task
                                + " is claimed by both '" + clash.learner() + "' and '" + learner.id() + "' (" + resource + ")");
                    }
                }
            }
        }
        Map<String, List<Config>> configs = new TreeMap<>();
        ranked.forEach((task, byRank) -> configs.put(task, new ArrayList<>(byRank.values())));
        return new Portfolio(configs, String.join("; ", derived));
    }

    /** {@code portfolio}'s entries of {@code learner} as its resource, each with its rank in its task's list. */
    static byte[] resourceOf(Portfolio portfolio, String learner) {
        ObjectNode root = JSON.createObjectNode();
        root.put("derived", portfolio.derived());
        for (String task : Tasks.labels()) {
            List<Config> list = portfolio.configs().getOrDefault(task, List.of());
            ArrayNode entries = JSON.createArrayNode();
            for (int rank = 0; rank < list.size(); rank++) {
                if (list.get(rank).learner().equals(learner)) {
                    ObjectNode entry = entries.addObject();
                    entry.put("rank", rank);
                    ConfigJson.write(entry, list.get(rank));
                }
            }
            if (!entries.isEmpty()) {
                root.set(task, entries);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Config entry(JsonNode entry, String learner, String resource) {
        if (!entry.path("rank").canConvertToInt() || entry.path("rank").asInt() < 0 || !entry.path("values").isObject()
                || !learner.equals(entry.path("learner").asText())) {
            throw new IllegalStateException(resource + ": each entry needs a 'rank' >= 0, 'learner' '" + learner
                    + "' and a 'values' object, but one was " + entry);
        }
        return ConfigJson.read(entry);
    }

    private static JsonNode read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portfolio resource " + resource + " of " + owner.getName(), e);
        }
    }
}
