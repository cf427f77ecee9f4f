package automl4j.search;

import automl4j.space.Config;
import java.util.Objects;

/**
 * A finished evaluation as a searcher sees it.
 *
 * @param config  the evaluated config
 * @param loss    validation loss (lower is better), NaN if the trial failed or timed out
 * @param seconds what the trial cost: its fit time over all validation splits, or NaN when unknown
 */
public record Observation(Config config, double loss, double seconds) {
    public Observation {
        Objects.requireNonNull(config, "config");
    }

    /** An observation whose cost is unknown. */
    public Observation(Config config, double loss) {
        this(config, loss, Double.NaN);
    }

    /** True if the trial produced a loss. */
    public boolean succeeded() {
        return !Double.isNaN(loss);
    }
}
