package automl4j.searchers.hybrid;

import automl4j.search.SearchHistory;
import automl4j.search.SequentialSearcher;
import automl4j.search.Searcher;
import automl4j.searchers.bayes.TpeSearcher;
import automl4j.searchers.genetic.GeneticSearcher;
import automl4j.searchers.surrogate.GaussianProcessSearcher;
import automl4j.space.Config;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bayesian proposals with genetic recombination of the best configs ({@code hybrid}): proposal {@code i} comes from
 * {@link #SCHEDULE}{@code [i mod 4]}: TPE (cheap, good at the learner choice), the cost-aware Gaussian process (spends
 * time where improvement per second is highest), TPE again, and the Jenetics genetic searcher (recombines the best
 * configs, which a model of single coordinates cannot). The schedule depends on the proposal index only, so the
 * hybrid stays a function of the history.
 */
public final class HybridSearcher extends SequentialSearcher {
    static final List<Searcher> SCHEDULE = List.of(new TpeSearcher(), new GaussianProcessSearcher(), new TpeSearcher(),
            new GeneticSearcher());

    /** The searcher. */
    public HybridSearcher() {
    }

    @Override
    public String id() {
        return "hybrid";
    }

    @Override
    protected Config proposeOne(SearchHistory history, SplittableRandom random) {
        return SCHEDULE.get(history.proposedCount() % SCHEDULE.size()).propose(history, 1).get(0);
    }
}
