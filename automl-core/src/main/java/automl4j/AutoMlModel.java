package automl4j;

import automl4j.data.EncodedTarget;
import automl4j.data.Target;
import automl4j.data.TaskData;
import automl4j.explain.PipelineShap;
import automl4j.export.ModelFileException;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A fitted pipeline: one or more members, each a featurizer fitted on all training rows and a model fitted on its
 * output, with a weight. A single model is one member of weight 1; an ensemble averages its members' probabilities
 * (or values) by weight. Predicts raw rows (the target column may be present or absent) and exports to one
 * self-contained file. Immutable and thread-safe.
 *
 * <p>The content is a {@link Pipeline} (what the engine produces and {@code automl4j.export} reads and writes); this
 * type adds loading and exporting for users.
 */
public final class AutoMlModel {
    private final Pipeline pipeline;

    /**
     * The user-facing model of {@code pipeline}.
     *
     * @param pipeline the fitted pipeline
     */
    public AutoMlModel(Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
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
    public AutoMlModel(Target target, FittedTransform transform, FittedModel model, Config config, Map<String, String> info) {
        this(new Pipeline(target, transform, model, config, info));
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
    public AutoMlModel(Target target, List<Pipeline.Member> members, Config config, Map<String, String> info) {
        this(new Pipeline(target, members, config, info));
    }

    /**
     * Reads a pipeline written by {@link #exportTo(Path)}. Needs the featurizer and learner modules on the class path,
     * but no search code. Safe for a file from anyone (see "Loading untrusted model files" in the README): no code
     * and no class chosen by the file is loaded, memory and time are bounded, and every problem of the file is one
     * exception type.
     *
     * @throws ModelFileException for every problem of the file (missing, unreadable, damaged, over a size limit, or
     *                            contents a featurizer or learner refuses), naming the file, the entry and what is wrong;
     *                            unchecked, an {@link AutoMlException}
     */
    public static AutoMlModel load(Path path) throws ModelFileException {
        return new AutoMlModel(PipelineBundle.read(path));
    }

    /**
     * Predictions for every row of {@code rows}: class probabilities and labels, or numbers.
     *
     * @throws DataException naming a missing input column or a value of the wrong type
     */
    public Predictions predict(Table rows) {
        return pipeline.predict(rows);
    }

    /**
     * What about {@code rows} a user should know before trusting predictions, such as columns the model ignores; empty
     * when nothing. Missing columns are not here: {@link #predict} refuses them.
     */
    public List<String> warnings(Table rows) {
        return pipeline.warnings(rows);
    }

    /**
     * Scores of the predictions for {@code rows} against their target column (named as the model's target), by every
     * built-in metric that fits the model's task, the task's default metric first. Rows whose target is missing are
     * left out; a metric the data does not allow (rmsle of negative values) is left out too.
     *
     * @throws DataException if the target column is absent or has only missing values, a label is not one of the
     *                       model's classes (naming the row), or an input column is missing or holds a value of the
     *                       wrong type
     */
    public Map<String, Double> evaluate(Table rows) {
        TaskData data = TaskData.of(rows, target().name()).withTask(target().task());
        EncodedTarget truth = EncodedTarget.of(data);
        Predictions p = predict(truth.rows().length == rows.rowCount() ? rows : rows.rows(truth.rows()));
        Labels labels = Labels.of(truth.values());
        Map<String, Double> out = new LinkedHashMap<>();
        Metric primary = Metrics.defaultFor(target().task());
        out.put(primary.name(), primary.score(labels, p));
        for (Metric m : Metrics.all()) {
            if (m.supports(target().task()) && !out.containsKey(m.name())) {
                try {
                    out.put(m.name(), m.score(labels, p));
                } catch (IllegalArgumentException | DataException e) {
                    // undefined on this data
                }
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The score of the predictions for {@code rows} against their target column (named as the model's target) under
     * {@code metric}; rows whose target is missing are left out.
     *
     * @throws DataException   if the target column is absent or has only missing values, a label is not one of the
     *                          model's classes (naming the row), an input column is missing or holds a value of the
     *                          wrong type, or the metric is undefined on these rows (rmsle of negative values)
     * @throws ConfigException if the metric does not fit the task (key {@code metric})
     */
    public double score(Table rows, Metric metric) {
        if (!metric.supports(target().task())) {
            throw new ConfigException(automl4j.settings.Setting.METRIC.key(), "metric '" + metric.name() + "' does not fit task " + target().task().label());
        }
        TaskData data = TaskData.of(rows, target().name()).withTask(target().task());
        EncodedTarget truth = EncodedTarget.of(data);
        Predictions p = predict(truth.rows().length == rows.rowCount() ? rows : rows.rows(truth.rows()));
        return metric.score(Labels.of(truth.values()), p);
    }

    /**
     * SHAP values of the predictions for {@code rows}, per raw input column, with the rows themselves standing for the
     * data (see {@link #explain(Table, Table)} to give training rows instead).
     */
    public PipelineShap.Explained explain(Table rows) {
        return explain(rows, rows);
    }

    /**
     * SHAP values of the predictions for {@code rows}, per raw input column and, for a single tree or linear model, per
     * engineered feature: exact where the model allows, sampled otherwise ({@link PipelineShap} says which, and in
     * which output space). {@code background} (training rows, at most {@value PipelineShap#MAX_BACKGROUND} used)
     * stands for the data the values are measured against.
     *
     * @throws IllegalArgumentException if {@code background} is empty
     * @throws DataException            if an input column is missing or holds a value of the wrong type
     */
    public PipelineShap.Explained explain(Table rows, Table background) {
        return new PipelineShap(8, 0).explain(pipeline, rows, background);
    }

    /**
     * The binary decision threshold the run chose (for a cost ratio, or a metric such as f1 that uses one): labels are
     * the second class when its probability is at least the threshold. Empty when labels are the most probable class.
     */
    public java.util.Optional<automl4j.pipeline.DecisionThreshold> decisionThreshold() {
        return pipeline.decision();
    }

    /** Writes the pipeline to {@code path} (replacing it atomically). */
    public void exportTo(Path path) throws IOException {
        PipelineBundle.write(pipeline, path);
    }

    /** The fitted pipeline this model is. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** The target. */
    public Target target() {
        return pipeline.target();
    }

    /** The members, heaviest first; one for a single model. */
    public List<Pipeline.Member> members() {
        return pipeline.members();
    }

    /** True if the pipeline averages more than one model. */
    public boolean isEnsemble() {
        return pipeline.isEnsemble();
    }

    /** The fitted featurizer of the heaviest member. */
    public FittedTransform transform() {
        return pipeline.transform();
    }

    /** The fitted model of the heaviest member. */
    public FittedModel model() {
        return pipeline.model();
    }

    /** What the pipeline is: the model's config, or for an ensemble a config of learner {@code ensemble}. */
    public Config config() {
        return pipeline.config();
    }

    /** Provenance: metric, validation score, trial id. */
    public Map<String, String> info() {
        return pipeline.info();
    }
}
