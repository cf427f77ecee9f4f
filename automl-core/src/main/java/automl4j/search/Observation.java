package automl4j.search;

import automl4j.space.Config;
import java.util.Objects;

/**
 * A finished evaluation as a searcher sees it.
 *
 * @param config the evaluated config
 * @param loss   validation loss (lower is better), NaN if the trial failed or timed out
 */
public record Observation(Config config, double loss) {
    public Observation {
        Objects.requireNonNull(config, "config");
    }

    /** True if the trial produced a loss. */
    public boolean succeeded() {
        return !Double.isNaN(loss);
    }
}
