package automl4j.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The joint search space of a run: the choice of learner, and conditionally on it that learner's hyperparameters.
 * A learner's parameters exist only in configs of that learner.
 *
 * @param spaces each allowed learner id with its space, in a fixed order (the order of the learner choice)
 */
public record JointSpace(Map<String, SearchSpace> spaces) {
    public JointSpace {
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("a joint space needs at least one learner");
        }
        spaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
    }

    /** The learner ids, in order. */
    public List<String> learners() {
        return new ArrayList<>(spaces.keySet());
    }

    /** The space of {@code learner}. */
    public SearchSpace space(String learner) {
        SearchSpace s = spaces.get(learner);
        if (s == null) {
            throw new IllegalArgumentException("learner '" + learner + "' is not in this search space; it has " + spaces.keySet());
        }
        return s;
    }

    /** A uniformly chosen learner with uniformly sampled hyperparameters. */
    public Config sample(SplittableRandom random) {
        List<String> ids = learners();
        String learner = ids.get(random.nextInt(ids.size()));
        return sample(learner, random);
    }

    /** Sampled hyperparameters of a given learner. */
    public Config sample(String learner, SplittableRandom random) {
        return Config.of(learner, space(learner).sample(random));
    }

    /** True if the learner is in the space and the values are exactly its parameters, each in range. */
    public boolean contains(Config config) {
        SearchSpace s = spaces.get(config.learner());
        return s != null && s.contains(config.values());
    }
}
