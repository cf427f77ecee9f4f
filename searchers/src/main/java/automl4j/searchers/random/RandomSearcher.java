package automl4j.searchers.random;

import automl4j.internal.Seeds;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random search ({@code random}): a uniformly chosen learner with uniformly sampled hyperparameters (log-uniform where
 * the parameter says so). Proposal {@code i} uses a generator seeded from the run seed and {@code i}, so it depends
 * only on how many configs were proposed before.
 */
public final class RandomSearcher implements Searcher {
    /** The searcher. */
    public RandomSearcher() {
    }

    @Override
    public String id() {
        return "random";
    }

    @Override
    public List<Config> propose(SearchHistory history, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(history.seed(), history.proposedCount() + i));
            out.add(history.space().sample(random));
        }
        return out;
    }
}
