package automl4j.searchers.hybrid;

import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.searchers.bayes.TpeSearcher;
import automl4j.searchers.genetic.GeneticSearcher;
import automl4j.searchers.surrogate.GaussianProcessSearcher;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * Bayesian proposals with genetic recombination of the best configs ({@code hybrid}): proposal {@code i} comes from
 * {@link #SCHEDULE}{@code [i mod 4]}: TPE (cheap, good at the learner choice), the cost-aware Gaussian process (spends
 * time where improvement per second is highest), TPE again, and the Jenetics genetic searcher (recombines the best
 * configs, which a model of single coordinates cannot). The schedule depends on the proposal index only, so the
 * hybrid stays a function of the history.
 */
public final class HybridSearcher implements Searcher {
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
    public List<Config> propose(SearchHistory history, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Config> pending = new ArrayList<>(history.pending());
            pending.addAll(out);
            SearchHistory h = new SearchHistory(history.space(), history.observed(), pending, history.seed());
            int index = h.proposedCount();
            out.add(SCHEDULE.get(index % SCHEDULE.size()).propose(h, 1).get(0));
        }
        return out;
    }
}
