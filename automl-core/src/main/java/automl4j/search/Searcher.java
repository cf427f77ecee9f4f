package automl4j.search;

import automl4j.space.Config;
import java.util.List;

/**
 * Proposes configs to evaluate. A searcher is a function of the history: no hidden state, so the same history gives
 * the same proposals, and it is thread-safe. Implementations have a public no-arg constructor and are listed in
 * {@code META-INF/services/automl4j.search.Searcher}.
 */
public interface Searcher {
    /** Stable kebab-case id, such as {@code random} or {@code tpe}. */
    String id();

    /**
     * The next {@code count} configs, each inside {@code history.space()}.
     *
     * @param history what is known so far
     * @param count   how many to propose, at least 1
     */
    List<Config> propose(SearchHistory history, int count);
}
