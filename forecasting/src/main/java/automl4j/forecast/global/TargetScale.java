package automl4j.forecast.global;

import java.util.List;
import java.util.Locale;

/** What a global model predicts of a future value {@code y}, given the level at the origin. */
public enum TargetScale {
    /** {@code y / level}. */
    RATIO,
    /**
     * {@code log(y / level + }{@value #OFFSET}{@code )}: growth is multiplicative, and squared errors in logs are not
     * dominated by the few series that jump far from their level. The offset keeps zeros (tourism data have some)
     * from becoming extreme targets: on the tourism and M3 quarterly and monthly collections an offset of 0.1 forecast
     * better than 0.01 or 0.3 (LightGBM). Learned from values at or above 0 only; a negative value in a history being
     * forecast counts as 0.
     */
    LOG_RATIO;

    /** What is added to a ratio before its log is taken. */
    public static final double OFFSET = 0.1;

    /**
     * The scale for these histories: {@link #LOG_RATIO} when no value is negative, {@link #RATIO} otherwise.
     *
     * @param histories the training series
     * @return the scale
     */
    public static TargetScale fitting(List<double[]> histories) {
        for (double[] h : histories) {
            for (double v : h) {
                if (!(v >= 0)) {
                    return RATIO;
                }
            }
        }
        return LOG_RATIO;
    }

    /**
     * The target of {@code y}, or the feature of a past value {@code y}: the same scale on both sides keeps the relation
     * between them simple for linear models (trees do not mind).
     *
     * @param y     the value
     * @param level the level at the origin, positive
     * @return the target
     */
    public double encode(double y, double level) {
        return this == RATIO ? y / level : Math.log(Math.max(y / level, 0) + OFFSET);
    }

    /**
     * The value of a predicted target.
     *
     * @param z     the prediction
     * @param level the level at the origin, positive
     * @return the value
     */
    public double decode(double z, double level) {
        return this == RATIO ? z * level : (Math.exp(z) - OFFSET) * level;
    }

    /**
     * The name written to parameters.
     *
     * @return the lower-case name with a dash
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The scale a label names.
     *
     * @param label {@link #label()}'s value
     * @return the scale
     * @throws IllegalArgumentException if none has that label
     */
    public static TargetScale of(String label) {
        for (TargetScale s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown target scale '" + label + "'; known: ratio, log-ratio");
    }
}
