package automl4j.learn;

import automl4j.data.Task;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.Set;

/**
 * A learning algorithm the search can choose: declares the tasks it supports and its hyperparameter space, fits
 * configurations of that space, and loads the models it exported. Five methods to write; the defaults describe how
 * to schedule it ({@link #traits()}), when it is not worth searching ({@link #unsuitedTo}), its memory
 * ({@link #memoryEstimate}) and the config to try first ({@link #defaultConfig}). Implementations are immutable, have
 * a public no-arg constructor and are listed in {@code META-INF/services/automl4j.learn.Learner}.
 */
public interface Learner {
    /** Stable kebab-case id, such as {@code xgboost} or {@code smile-random-forest}. */
    String id();

    /**
     * The kinds of task this learner supports, named positively by their record classes, such as
     * {@code Set.of(Classification.class, Regression.class)}: a new kind of task is supported by no learner until it
     * says so.
     */
    Set<Class<? extends Task>> tasks();

    /** The hyperparameter space for {@code task}, one of {@link #tasks()}. */
    SearchSpace space(Task task);

    /**
     * Fits one configuration.
     *
     * @param data    featurized training rows
     * @param config  a config of this learner, inside {@link #space(Task)}
     * @param context seed, threads and deadline
     * @return the fitted model
     */
    FittedModel fit(TrainingSet data, Config config, FitContext context);

    /** Reads back a model written by {@link FittedModel#export()}. */
    FittedModel load(ModelArtifact artifact);

    /**
     * How the engine schedules this learner's trials: cost, sparse input, native code, deadline, GPU. Defaults to
     * {@link LearnerTraits#defaults()}; a learner returns the same traits on every call.
     */
    default LearnerTraits traits() {
        return LearnerTraits.defaults();
    }

    /**
     * Why this learner is not worth searching on training data of {@code shape}, or empty if it is. The engine leaves
     * such a learner out of a run (saying why) unless no other learner is left; by default every shape suits.
     */
    default java.util.Optional<String> unsuitedTo(DataShape shape) {
        return java.util.Optional.empty();
    }

    /**
     * Bytes of heap a fit of {@code config} on data of {@code shape} is expected to hold at its peak, so the executor can
     * keep concurrent trials inside the heap. A rough upper estimate is enough; the default assumes four dense copies
     * of the data (the learner's own data structure, a scratch copy, and the validation rows) and 1 MiB besides.
     */
    default long memoryEstimate(DataShape shape, Config config) {
        return 4 * shape.denseBytes() + (1L << 20);
    }

    /**
     * True if runs that name no learners ({@code search.learners} left out) search this one; false for a learner that
     * must be asked for by id until a benchmark says it earns its place (it is still discovered, so its models load).
     * Defaults to true.
     */
    default boolean searchedByDefault() {
        return true;
    }

    /** The config to try first: the library's own defaults, expressed in this learner's space. */
    default Config defaultConfig(Task task) {
        SearchSpace space = space(task);
        java.util.Map<String, Object> mid = space.fromUnit(java.util.stream.DoubleStream.generate(() -> 0.5).limit(space.size()).toArray());
        return Config.of(id(), mid);
    }
}
