package automl4j.search;

import automl4j.space.Config;
import automl4j.space.JointSpace;
import java.util.List;
import java.util.Objects;

/**
 * Everything a searcher may use to propose: the space, what was observed so far (in trial order), the configs already
 * proposed but not finished, and the run seed.
 *
 * @param space     the joint space
 * @param observed  finished trials, in trial-id order
 * @param pending   proposed configs whose results are not in yet
 * @param seed      the run seed
 */
public record SearchHistory(JointSpace space, List<Observation> observed, List<Config> pending, long seed) {
    public SearchHistory {
        Objects.requireNonNull(space, "space");
        observed = List.copyOf(observed);
        pending = List.copyOf(pending);
    }

    /** The observations that produced a loss and lie inside the space, in trial order. */
    public List<Observation> succeeded() {
        return observed.stream().filter(o -> o.succeeded() && space.contains(o.config())).toList();
    }

    /** Every config proposed so far, observed or pending: what a searcher should not propose again. */
    public java.util.Set<Config> tried() {
        java.util.Set<Config> out = new java.util.HashSet<>(pending);
        observed.forEach(o -> out.add(o.config()));
        return out;
    }

    /** Number of configs proposed so far (observed and pending). */
    public int proposedCount() {
        return observed.size() + pending.size();
    }
}
