package automl4j.scoring;

import java.util.Map;
import java.util.function.Function;

/**
 * Builds a member's {@link MemberModel} from its payload, choosing the evaluator by the member's payload format and
 * learner id. A learner this module cannot evaluate is refused when the model is loaded, never at prediction time.
 */
final class MemberModels {
    // Keyed by "payload format/learner id": a learner may change its payload format, and one format (tribuo-protobuf)
    // serves several learners whose checks differ.
    private static final Map<String, Function<MemberPayload, MemberModel>> READERS = readers();

    private MemberModels() {
    }

    private static Map<String, Function<MemberPayload, MemberModel>> readers() {
        Map<String, Function<MemberPayload, MemberModel>> m = new java.util.HashMap<>();
        m.put("xgboost-ubj/xgboost", XgboostMember::load);
        m.put("lightgbm-text/lightgbm", LightgbmMember::load);
        m.put(BaselineMember.FORMAT + "/baseline", BaselineMember::load);
        m.put(SmileForestMember.FORMAT + "/smile-random-forest", SmileForestMember::load);
        m.put(SmileLinearMember.FORMAT + "/smile-logistic", SmileLinearMember::load);
        m.put(SmileKnnMember.FORMAT + "/smile-knn", SmileKnnMember::load);
        TribuoMemberModel.LEARNERS.forEach(l -> m.put(TribuoMemberModel.FORMAT + "/" + l, TribuoMemberModel::load));
        return Map.copyOf(m);
    }

    /**
     * The evaluator of {@code p}'s member.
     *
     * @throws IllegalArgumentException if the learner or its payload format is not one this module evaluates, or the
     *                                  payload is damaged, naming the learner and what is wrong
     */
    static MemberModel load(MemberPayload p) {
        Function<MemberPayload, MemberModel> reader = READERS.get(p.member().payloadFormat() + "/" + p.learner());
        if (reader == null) {
            throw new IllegalArgumentException("learner '" + p.learner() + "' with payload format '"
                    + p.member().payloadFormat() + "' is not one automl4j-scoring evaluates; it evaluates "
                    + READERS.keySet().stream().sorted().toList());
        }
        return reader.apply(p);
    }
}
