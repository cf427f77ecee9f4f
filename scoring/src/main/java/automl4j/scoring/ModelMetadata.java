package automl4j.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a model file says about the model: who wrote it, what it predicts and what it is made of.
 *
 * @param formatVersion     the model file's format version (1 to 5)
 * @param automl4jVersion   the AutoML4J version that wrote it, or "" when the file does not say
 * @param target            the target column's name
 * @param task              {@code binary}, {@code multiclass} or {@code regression}
 * @param classes           the class labels in the order of the probabilities; empty for regression
 * @param members           the pipeline's models, heaviest first: one for a single model
 * @param stacked           true if the members are combined by a level-2 model rather than averaged by weight
 * @param decisionThreshold a binary model's decision threshold, if one was chosen
 * @param info              provenance the run recorded (metric, validation score, trial, training rows, ...)
 */
public record ModelMetadata(int formatVersion, String automl4jVersion, String target, String task, List<String> classes,
                            List<Member> members, boolean stacked, OptionalDouble decisionThreshold, Map<String, String> info) {
    public ModelMetadata {
        Objects.requireNonNull(automl4jVersion, "automl4jVersion");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        members = List.copyOf(members);
        Objects.requireNonNull(decisionThreshold, "decisionThreshold");
        info = Map.copyOf(info);
    }

    /**
     * One model of the pipeline.
     *
     * @param learner the learner's id ({@code xgboost}, {@code smile-logistic}, ...)
     * @param weight  its share of an averaged prediction, in (0, 1]
     */
    public record Member(String learner, double weight) {
        public Member {
            Objects.requireNonNull(learner, "learner");
        }
    }
}
