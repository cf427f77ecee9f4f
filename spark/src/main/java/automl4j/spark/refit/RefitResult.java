package automl4j.spark.refit;

import automl4j.AutoMlModel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The final model after a refit on all rows, and how each of its members was refitted.
 *
 * @param model   the model to export: the sample's pipeline with its XGBoost members replaced by their fits on all rows
 *                (same featurizers, weights, stack and decision threshold)
 * @param members one entry per member, in the model's order
 * @param seconds wall time of the whole refit
 */
public record RefitResult(AutoMlModel model, List<MemberRefit> members, double seconds) {
    /** Checks the fields and copies the list. */
    public RefitResult {
        Objects.requireNonNull(model, "model");
        members = List.copyOf(members);
    }

    /** True if at least one member was trained on all rows. */
    public boolean anyDistributed() {
        return members.stream().anyMatch(MemberRefit::distributed);
    }

    /** One line for the log and the run's outputs: each member and how it was refitted. */
    public String summary() {
        return String.format(Locale.ROOT, "final refit in %.1f s: ", seconds)
                + members.stream().map(m -> m.learner() + " " + m.note()).collect(Collectors.joining("; "));
    }
}
