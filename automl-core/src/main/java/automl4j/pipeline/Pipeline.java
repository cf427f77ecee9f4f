package automl4j.pipeline;

import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.Predictions;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * A fitted pipeline: one or more members, each a featurizer fitted on all training rows and a model fitted on its
 * output, with a weight. A single model is one member of weight 1; an ensemble averages its members' probabilities
 * (or values) by weight. Predicts raw rows (the target column may be present or absent). What the engine produces,
 * {@code automl4j.export} writes and reads, and {@code automl4j.AutoMlModel} offers users. Immutable and thread-safe.
 */
public final class Pipeline {
    private final Target target;
    private final List<Member> members;
    private final Config config;
    private final Map<String, String> info;
    private final DecisionThreshold decision;
    private final Stack stack;

    /**
     * One model of a pipeline.
     *
     * @param transform the fitted featurizer (members may share one)
     * @param model     the fitted model
     * @param config    the config the model was fitted with
     * @param weight    its share of the prediction, in (0, 1]
     */
    public record Member(FittedTransform transform, FittedModel model, Config config, double weight) {
        public Member {
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(config, "config");
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("a member's weight must be in (0, 1], but was " + weight);
            }
        }
    }

    /**
     * A pipeline of one model.
     *
     * @param target    the target it predicts
     * @param transform the fitted featurizer
     * @param model     the fitted model
     * @param config    the config the model was fitted with
     * @param info      provenance recorded in the exported file (validation score, metric, trial id)
     */
    public Pipeline(Target target, FittedTransform transform, FittedModel model, Config config, Map<String, String> info) {
        this(target, List.of(new Member(transform, model, config, 1.0)), config, info);
    }

    /**
     * A pipeline of weighted members.
     *
     * @param target  the target it predicts
     * @param members the members, heaviest first; weights sum to one
     * @param config  what the pipeline is: the single member's config, or an {@code ensemble} config naming them
     * @param info    provenance recorded in the exported file
     * @throws IllegalArgumentException if there is no member or the weights do not sum to one
     */
    public Pipeline(Target target, List<Member> members, Config config, Map<String, String> info) {
        this(target, members, config, info, null);
    }

    /**
     * A stacked ensemble: members combined by a level-2 model ({@link Stack}) instead of averaged.
     *
     * @param target  the target it predicts
     * @param members the members, heaviest first; weights sum to one
     * @param config  an {@code ensemble} config naming them
     * @param info    provenance recorded in the exported file
     * @param stack   the level-2 model, or null for a weighted average
     * @throws IllegalArgumentException if there is no member, the weights do not sum to one, or the stack's bias does
     *                                  not have one entry per class (one for regression)
     */
    public Pipeline(Target target, List<Member> members, Config config, Map<String, String> info, Stack stack) {
        this(target, members, config, info, stack, null);
    }

    /**
     * A pipeline with a binary decision threshold ({@link DecisionThreshold}), or none when {@code decision} is null.
     *
     * @throws IllegalArgumentException as the other constructors, or if a threshold is given for a target that is not
     *                                  binary
     */
    public Pipeline(Target target, List<Member> members, Config config, Map<String, String> info, Stack stack,
                    DecisionThreshold decision) {
        this.decision = decision;
        if (decision != null && target.classes().size() != 2) {
            throw new IllegalArgumentException("a decision threshold needs a binary target, but '" + target.name() + "' has "
                    + target.classes().size() + " classes");
        }
        this.target = Objects.requireNonNull(target, "target");
        this.stack = stack;
        if (stack != null && stack.bias().size() != target.task().predictionWidth()) {
            throw new IllegalArgumentException("a stack over " + target.task().label() + " predictions needs "
                    + target.task().predictionWidth() + " bias values, but has " + stack.bias().size());
        }
        this.members = List.copyOf(members);
        this.config = Objects.requireNonNull(config, "config");
        this.info = java.util.Collections.unmodifiableMap(new TreeMap<>(info));
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one member");
        }
        double sum = this.members.stream().mapToDouble(Member::weight).sum();
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("member weights must sum to 1, but sum to " + sum);
        }
    }

    /**
     * Predictions for every row of {@code rows}: class probabilities and labels, or numbers.
     *
     * @throws automl4j.DataException naming a missing input column or a value of the wrong type
     */
    public Predictions predict(Table rows) {
        Predictions p = probabilities(rows);
        return decision == null ? p : p.withThreshold(decision.threshold());
    }

    /** This pipeline with {@code decision} as its decision threshold (null for none). */
    public Pipeline withDecision(DecisionThreshold decision) {
        return new Pipeline(target, members, config, info, stack, decision);
    }

    /** The binary decision threshold, if one was chosen. */
    public java.util.Optional<DecisionThreshold> decision() {
        return java.util.Optional.ofNullable(decision);
    }

    private Predictions probabilities(Table rows) {
        if (members.size() == 1 && stack == null) {
            Member m = members.get(0);
            return m.model().predict(m.transform().transform(rows, null));
        }
        Map<FittedTransform, FeatureMatrix> features = new IdentityHashMap<>();
        // Members combine in the form their task gives predictions: a weighted sum of each member's flat array, or the
        // stack's level-2 model over them.
        double[][] flat = new double[members.size()][];
        double[] weights = new double[members.size()];
        for (int k = 0; k < members.size(); k++) {
            Member m = members.get(k);
            FeatureMatrix x = features.computeIfAbsent(m.transform(), t -> t.transform(rows, null));
            flat[k] = m.model().predict(x).toFlat();
            weights[k] = m.weight();
        }
        if (stack != null) {
            return Predictions.ofFlat(target.task(), stack.combine(flat, weights, target.task().predictionWidth()));
        }
        double[] sum = new double[flat[0].length];
        for (int k = 0; k < flat.length; k++) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weights[k] * flat[k][i];
            }
        }
        return Predictions.ofFlat(target.task(), sum);
    }

    /**
     * What about {@code rows} a user should know before trusting predictions, such as columns the model ignores; empty
     * when nothing. Missing columns are not here: {@link #predict} refuses them.
     */
    public List<String> warnings(Table rows) {
        boolean hasTarget = rows.columnNames().contains(target.name());
        Table inputs = hasTarget ? rows.rejectColumns(target.name()) : rows;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Map<FittedTransform, Boolean> seen = new IdentityHashMap<>();
        for (Member m : members) {
            if (seen.put(m.transform(), Boolean.TRUE) == null) {
                out.addAll(m.transform().warnings(inputs));
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }

    /** The target. */
    public Target target() {
        return target;
    }

    /** The members, heaviest first; one for a single model. */
    public List<Member> members() {
        return members;
    }

    /** True if the pipeline combines more than one model (or stacks one). */
    public boolean isEnsemble() {
        return members.size() > 1 || stack != null;
    }

    /** The level-2 model of a stacked ensemble; empty for a single model or a weighted average. */
    public java.util.Optional<Stack> stack() {
        return java.util.Optional.ofNullable(stack);
    }

    /** The fitted featurizer of the heaviest member. */
    public FittedTransform transform() {
        return members.get(0).transform();
    }

    /** The fitted model of the heaviest member. */
    public FittedModel model() {
        return members.get(0).model();
    }

    /** What the pipeline is: the model's config, or for an ensemble a config of learner {@code ensemble}. */
    public Config config() {
        return config;
    }

    /** Provenance: metric, validation score, trial id. */
    public Map<String, String> info() {
        return info;
    }
}
