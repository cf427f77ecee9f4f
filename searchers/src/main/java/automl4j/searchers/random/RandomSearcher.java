package automl4j.searchers.random;

import automl4j.search.SearchHistory;
import automl4j.search.SequentialSearcher;
import automl4j.space.Config;
import java.util.SplittableRandom;

/**
 * Random search ({@code random}): a uniformly chosen learner with uniformly sampled hyperparameters (log-uniform where
 * the parameter says so). Proposal {@code i} uses a generator seeded from the run seed and {@code i}, so it depends
 * only on how many configs were proposed before.
 */
public final class RandomSearcher extends SequentialSearcher {
    /** The searcher. */
    public RandomSearcher() {
    }

    @Override
    public String id() {
        return "random";
    }

    @Override
    protected Config proposeOne(SearchHistory history, SplittableRandom random) {
        return history.space().sample(random);
    }
}
