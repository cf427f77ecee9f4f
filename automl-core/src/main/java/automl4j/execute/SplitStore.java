package automl4j.execute;

import automl4j.space.Config;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The featurized validation split sets of a run, each under a key that a {@link TrialTask} names: every runner reads
 * its trials' splits here, and a runner that ships them elsewhere (worker processes, a cluster) ships each key's set
 * once. On the engine's side a set is featurized when a config first picks its {@code featurize.*} choices; on a
 * worker's side a set is loaded when a trial first names its key. Thread-safe.
 */
public final class SplitStore {
    /** The key of the split set of the featurizer as configured (no {@code featurize.*} choices). */
    public static final String DEFAULT_KEY = "default";

    private final Function<String, List<PreparedSplit>> load;
    private final Map<String, List<PreparedSplit>> byKey = new HashMap<>();
    private final Map<String, Map<String, Object>> choicesByKey = new HashMap<>();

    private SplitStore(Function<String, List<PreparedSplit>> load) {
        this.load = load;
    }

    private SplitStore(Function<Map<String, Object>, List<PreparedSplit>> featurize, boolean unused) {
        this.load = key -> {
            Map<String, Object> choices;
            synchronized (this) {
                choices = choicesByKey.get(key);
            }
            if (choices == null) {
                throw new IllegalArgumentException("split set '" + key + "' is unknown; keys come from keyFor(config)");
            }
            return featurize.apply(choices);
        };
    }

    /**
     * The store of a run whose split sets {@code featurize} makes from a config's featurization choices (an empty map
     * for the featurizer as configured). Keys are the choices as text, so the same choices give the same key.
     */
    public static SplitStore featurizing(Function<Map<String, Object>, List<PreparedSplit>> featurize) {
        return new SplitStore(Objects.requireNonNull(featurize, "featurize"), true);
    }

    /** A store that loads the set of a key when it is first asked for (a worker reading what the engine shipped). */
    public static SplitStore loading(Function<String, List<PreparedSplit>> load) {
        return new SplitStore(Objects.requireNonNull(load, "load"));
    }

    /** A store holding one split set, under {@link #DEFAULT_KEY}. */
    public static SplitStore of(List<PreparedSplit> splits) {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("a split set needs at least one split");
        }
        List<PreparedSplit> copy = List.copyOf(splits);
        return new SplitStore(key -> {
            if (!key.equals(DEFAULT_KEY)) {
                throw new IllegalArgumentException("split set '" + key + "' is unknown; this store holds only '" + DEFAULT_KEY + "'");
            }
            return copy;
        });
    }

    /**
     * The key of the split set that {@code config}'s {@code featurize.*} choices pick: {@link #DEFAULT_KEY} without
     * choices, else the choices as text ({@code featurize.a=x;featurize.b=y}), so that the same choices give the same
     * key. This store remembers the choices, to featurize them when the key is first asked for.
     */
    public synchronized String keyFor(Config config) {
        Map<String, Object> choices = TrialEvaluator.featurizeChoices(config);
        StringBuilder sb = new StringBuilder();
        choices.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        String key = choices.isEmpty() ? DEFAULT_KEY : sb.toString();
        choicesByKey.putIfAbsent(key, choices);
        return key;
    }

    /**
     * The split set under {@code key}, made or loaded on first use.
     *
     * @throws RuntimeException what featurizing or loading threw (the trial that asked fails with it)
     */
    public synchronized List<PreparedSplit> splits(String key) {
        List<PreparedSplit> s = byKey.get(key);
        if (s == null) {
            s = List.copyOf(load.apply(key));
            byKey.put(key, s);
        }
        return s;
    }
}
