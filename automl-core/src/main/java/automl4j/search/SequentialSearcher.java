package automl4j.search;

import automl4j.internal.Seeds;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A searcher that proposes one config at a time: proposal {@code i} of a batch sees the batch's earlier proposals as
 * pending, and gets a generator seeded from the run seed and its proposal index, so proposals depend only on the
 * history, never on how they were batched.
 */
public abstract class SequentialSearcher implements Searcher {
    /** For subclasses. */
    protected SequentialSearcher() {
    }

    @Override
    public final List<Config> propose(SearchHistory history, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Config> pending = new ArrayList<>(history.pending());
            pending.addAll(out);
            SearchHistory h = new SearchHistory(history.space(), history.observed(), pending, history.seed());
            out.add(proposeOne(h, new SplittableRandom(Seeds.derive(history.seed(), h.proposedCount()))));
        }
        return out;
    }

    /**
     * The next config, inside {@code history.space()}.
     *
     * @param history what is known, with every config proposed so far (this batch's too) among the pending
     * @param random  the generator of this proposal
     */
    protected abstract Config proposeOne(SearchHistory history, SplittableRandom random);
}
