package automl4j.leaderboard;

import automl4j.space.Config;
import java.util.Objects;

/**
 * One evaluation of a config.
 *
 * @param id     0-based, in proposal order
 * @param config the config
 * @param seed   the trial's seed, derived from the run seed and the id
 */
public record Trial(int id, Config config, long seed) {
    public Trial {
        if (id < 0) {
            throw new IllegalArgumentException("trial id must be >= 0, but was " + id);
        }
        Objects.requireNonNull(config, "config");
    }
}
