package automl4j.pipeline;

import java.util.Objects;

/**
 * A binary pipeline's decision threshold: the second class is predicted when its probability is at least
 * {@code threshold}, instead of when it is the more probable class.
 *
 * @param threshold the threshold, in (0, 1)
 * @param chosenFor what it was chosen for, such as {@code f1 on the validation predictions (0.712 at 0.5, 0.748 here)}
 */
public record DecisionThreshold(double threshold, String chosenFor) {
    public DecisionThreshold {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("a decision threshold must be in (0, 1), but was " + threshold);
        }
        Objects.requireNonNull(chosenFor, "chosenFor");
    }
}
