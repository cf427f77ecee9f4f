package automl4j.scoring;

import java.util.List;
import java.util.Objects;

/**
 * What a learner format's reader gets to build a {@link MemberModel}: the member as the manifest describes it, its
 * payload's bytes, the target, and the member's featurizer's output.
 *
 * @param member         the manifest's member (learner id, payload format, properties)
 * @param payload        the payload entry's bytes, checked against its size and digest
 * @param target         the pipeline's target
 * @param featureNames   the featurizer's feature names, in the order of the rows given to {@link MemberModel#predict}
 * @param sparseFeatures true when the engine hands this featurizer's output to models as a sparse matrix (wide text
 *                       features), where a zero cell is absent rather than stored; learners that read absent cells as
 *                       missing (XGBoost) must then treat zeros so
 */
record MemberPayload(Manifest.Member member, byte[] payload, Manifest.Target target, List<String> featureNames,
                     boolean sparseFeatures) {
    MemberPayload {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(target, "target");
        featureNames = List.copyOf(featureNames);
    }

    /** The member's learner id, for messages. */
    String learner() {
        return member.learner();
    }
}
