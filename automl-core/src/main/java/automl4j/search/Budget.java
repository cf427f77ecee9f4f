package automl4j.search;

import automl4j.ConfigException;
import automl4j.settings.Setting;
import java.time.Duration;
import java.util.Objects;

/**
 * How much a run may spend: a wall-clock limit and a maximum number of trials; the run stops at whichever comes
 * first. The time covers featurization, search and the final refit.
 *
 * @param time      wall-clock limit, positive
 * @param maxTrials maximum number of trials, at least 1
 */
public record Budget(Duration time, int maxTrials) {
    public Budget {
        Objects.requireNonNull(time, "time");
        if (time.isNegative() || time.isZero()) {
            throw new ConfigException(Setting.SECONDS.key(), "budget time must be > 0, but was " + time.toMillis() / 1000.0 + " s");
        }
        if (maxTrials < 1) {
            throw new ConfigException(Setting.MAX_TRIALS.key(), "budget max trials must be >= 1, but was " + maxTrials);
        }
    }

    /** A time budget with no trial limit. */
    public static Budget ofTime(Duration time) {
        return new Budget(time, Integer.MAX_VALUE);
    }

    /** A trial budget with a generous time limit of one day. */
    public static Budget ofTrials(int maxTrials) {
        return new Budget(Duration.ofDays(1), maxTrials);
    }

    /** A copy with a trial limit. */
    public Budget withMaxTrials(int max) {
        return new Budget(time, max);
    }
}
