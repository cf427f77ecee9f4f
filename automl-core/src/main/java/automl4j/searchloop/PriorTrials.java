package automl4j.searchloop;

import automl4j.execute.TrialOutcome;
import automl4j.space.Config;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an interrupted run had done, for a resumed run to continue from: the configs it had proposed (trial {@code i}
 * is {@code proposed.get(i)}), how the finished ones ended, and the time it had spent. Finished trials are not run
 * again; proposed ones that had not finished are run again with the same config and seed.
 *
 * @param proposed       configs in trial-id order
 * @param finished       outcomes by trial id, each id below {@code proposed.size()}
 * @param elapsedSeconds run time spent before the interruption, counted against the budget
 */
public record PriorTrials(List<Config> proposed, Map<Integer, TrialOutcome> finished, double elapsedSeconds) {
    /** Nothing before: a fresh run. */
    public static final PriorTrials NONE = new PriorTrials(List.of(), Map.of(), 0);

    public PriorTrials {
        proposed = List.copyOf(proposed);
        finished = java.util.Collections.unmodifiableMap(new TreeMap<>(finished));
        for (int id : finished.keySet()) {
            if (id < 0 || id >= proposed.size()) {
                throw new IllegalArgumentException("finished trial " + id + " was never proposed (" + proposed.size() + " proposed)");
            }
        }
        if (!(elapsedSeconds >= 0)) {
            throw new IllegalArgumentException("elapsed seconds must be >= 0, but was " + elapsedSeconds);
        }
    }

    /** Ids of the proposed trials that had not finished, in order. */
    public List<Integer> unfinished() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            if (!finished.containsKey(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
