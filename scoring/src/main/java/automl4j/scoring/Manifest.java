package automl4j.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model file's {@code manifest.json} says, checked: the target, the fitted featurizers and the members that use
 * them, and, from format version 4 and 5, a stacked ensemble's level-2 model and a binary decision threshold. The
 * member's search configuration is not kept: scoring does not need it. Immutable.
 *
 * @param formatVersion 1 to 5
 * @param automl4jVersion the AutoML4J version that wrote the file, or "" when the manifest does not say
 * @param target        the target the model predicts
 * @param featurizers   the fitted featurizers, in the order members refer to them
 * @param members       at least one
 * @param stack         present in version 4 and later files of stacked ensembles
 * @param decision      present in version 5 files of binary models with a chosen threshold
 * @param info          what the pipeline is, in words (text values)
 */
public record Manifest(int formatVersion, String automl4jVersion, Target target, List<Featurizer> featurizers,
                       List<Member> members, Optional<Stack> stack, Optional<Decision> decision, Map<String, String> info) {
    public Manifest {
        Objects.requireNonNull(automl4jVersion, "automl4jVersion");
        Objects.requireNonNull(target, "target");
        featurizers = List.copyOf(featurizers);
        members = List.copyOf(members);
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(decision, "decision");
        info = Map.copyOf(info);
    }

    /**
     * The target.
     *
     * @param name    the target column
     * @param task    {@code binary}, {@code multiclass} or {@code regression} (the engine's task labels)
     * @param classes the class labels in the model's order; empty for regression
     */
    public record Target(String name, String task, List<String> classes) {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(task, "task");
            classes = List.copyOf(classes);
        }
    }

    /**
     * One fitted featurizer.
     *
     * @param id    the featurizer's id ({@code tabular})
     * @param entry the zip entry of its exported JSON
     */
    public record Featurizer(String id, String entry) {
        public Featurizer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * One member of the pipeline.
     *
     * @param weight        in (0, 1]
     * @param featurizer    index into {@link Manifest#featurizers()}
     * @param learner       the learner's id ({@code xgboost}, {@code smile-logistic}, ...)
     * @param payloadFormat the payload's format as the learner names it
     * @param entry         the zip entry of its payload
     * @param properties    the learner's properties of the payload
     */
    public record Member(double weight, int featurizer, String learner, String payloadFormat, String entry,
                         Map<String, String> properties) {
        public Member {
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("a member's weight must be in (0, 1], but was " + weight);
            }
            Objects.requireNonNull(learner, "learner");
            Objects.requireNonNull(payloadFormat, "payloadFormat");
            Objects.requireNonNull(entry, "entry");
            properties = Map.copyOf(properties);
        }
    }

    /**
     * A stacked ensemble's level-2 model (the engine's {@code Stack}).
     *
     * @param scale finite, >= 0
     * @param bias  one finite offset per class, or the regression intercept
     */
    public record Stack(double scale, List<Double> bias) {
        public Stack {
            bias = List.copyOf(bias);
            if (!(scale >= 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("stack.scale must be a finite number >= 0, but was " + scale);
            }
            if (bias.isEmpty() || bias.stream().anyMatch(b -> !Double.isFinite(b))) {
                throw new IllegalArgumentException("stack.bias must be a non-empty array of finite numbers, but was " + bias);
            }
        }
    }

    /**
     * A binary model's decision threshold (the engine's {@code DecisionThreshold}).
     *
     * @param threshold the probability of the second class from which it is predicted
     * @param chosenFor what the threshold was chosen for, in words
     */
    public record Decision(double threshold, String chosenFor) {
        public Decision {
            Objects.requireNonNull(chosenFor, "chosenFor");
        }
    }
}
