package automl4j;

import automl4j.data.Target;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FittedModel;
import automl4j.learn.Predictions;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * A fitted pipeline: the featurizer fitted on all training rows and the model of the best config. Predicts raw rows
 * (the target column may be present or absent) and exports to one self-contained file. Immutable and thread-safe.
 */
public final class AutoMlModel {
    private final Target target;
    private final FittedTransform transform;
    private final FittedModel model;
    private final Config config;
    private final Map<String, String> info;

    /**
     * A pipeline of its parts.
     *
     * @param target    the target it predicts
     * @param transform the fitted featurizer
     * @param model     the fitted model
     * @param config    the config the model was fitted with
     * @param info      provenance recorded in the exported file (validation score, metric, trial id)
     */
    public AutoMlModel(Target target, FittedTransform transform, FittedModel model, Config config, Map<String, String> info) {
        this.target = Objects.requireNonNull(target, "target");
        this.transform = Objects.requireNonNull(transform, "transform");
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.info = java.util.Collections.unmodifiableMap(new TreeMap<>(info));
    }

    /**
     * Reads a pipeline written by {@link #exportTo(Path)}. Needs the featurizer and learner modules on the class path,
     * but no search code.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static AutoMlModel load(Path path) throws IOException {
        return PipelineBundle.read(path);
    }

    /**
     * Predictions for every row of {@code rows}: class probabilities and labels, or numbers.
     *
     * @throws IllegalArgumentException naming a missing input column or a value of the wrong type
     */
    public Predictions predict(Table rows) {
        return model.predict(transform.transform(rows, null));
    }

    /**
     * What about {@code rows} a user should know before trusting predictions, such as columns the model ignores; empty
     * when nothing. Missing columns are not here: {@link #predict} refuses them.
     */
    public java.util.List<String> warnings(Table rows) {
        boolean hasTarget = rows.columnNames().contains(target.name());
        return transform.warnings(hasTarget ? rows.rejectColumns(target.name()) : rows);
    }

    /** Writes the pipeline to {@code path} (replacing it atomically). */
    public void exportTo(Path path) throws IOException {
        PipelineBundle.write(this, path);
    }

    /** The target. */
    public Target target() {
        return target;
    }

    /** The fitted featurizer. */
    public FittedTransform transform() {
        return transform;
    }

    /** The fitted model. */
    public FittedModel model() {
        return model;
    }

    /** The config of the model. */
    public Config config() {
        return config;
    }

    /** Provenance: metric, validation score, trial id. */
    public Map<String, String> info() {
        return info;
    }
}
