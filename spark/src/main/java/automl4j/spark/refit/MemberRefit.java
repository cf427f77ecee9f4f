package automl4j.spark.refit;

import java.util.Objects;

/**
 * How one member of the final model was refitted.
 *
 * @param learner     the member's learner id
 * @param distributed true if it was trained on all rows across the executors; false if it kept its fit on the sample
 * @param rows        rows it was fitted on: all labelled rows when distributed (else the sample's, as the engine
 *                    refitted it; -1 when not known here)
 * @param workers     barrier tasks that trained it (0 when not distributed)
 * @param seconds     wall time of its distributed fit (0 when not distributed)
 * @param note        what happened, in words (why a member was not refitted distributed)
 */
public record MemberRefit(String learner, boolean distributed, long rows, int workers, double seconds, String note) {
    /** Checks the fields. */
    public MemberRefit {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(note, "note");
    }
}
