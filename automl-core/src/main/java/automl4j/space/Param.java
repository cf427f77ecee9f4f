package automl4j.space;

import java.util.SplittableRandom;

/**
 * One hyperparameter of a search space. Every parameter maps its values to and from the unit interval, which is
 * the common coordinate system of the model-based and genetic searchers.
 */
public sealed interface Param permits IntParam, DoubleParam, ChoiceParam {
    /** Parameter name, as the learner reads it from a {@link Config}. */
    String name();

    /** A value drawn uniformly (on the log scale where the parameter says so). */
    Object sample(SplittableRandom random);

    /** True if {@code value} has the right type and lies inside the parameter's range. */
    boolean contains(Object value);

    /** The value's position in [0, 1]. */
    double toUnit(Object value);

    /** The value at position {@code u} in [0, 1] (clamped). */
    Object fromUnit(double u);

    /** Clamps {@code u} into [0, 1]; NaN becomes 0.5 so a broken surrogate cannot leave the space. */
    static double clampUnit(double u) {
        if (Double.isNaN(u)) {
            return 0.5;
        }
        return Math.max(0.0, Math.min(1.0, u));
    }
}
