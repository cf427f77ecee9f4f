package automl4j.cli;

import automl4j.AutoMl;
import automl4j.datasets.ReadOptions;
import automl4j.featurizers.FeaturizerOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run as described by a config file, with every default filled in: what to read ({@code data.*}), the run's settings
 * (every other key but {@code output}) and where to write. Paths are resolved against the config file's folder.
 *
 * @param train     training data file (CSV or ARFF)
 * @param test      labelled test data file scored after the run (data.test), or null
 * @param target    target column
 * @param task      task label (one of {@link automl4j.data.Tasks#labels()}), or null to infer it
 * @param read      how the CSV file is read (config keys data.separator, data.missing_values, data.infinity, data.decimal)
 * @param automl    the run's settings, as {@link SettingsYaml} mapped them onto the builder (no listener or journal yet)
 * @param featurize the {@code featurize.*} options, which the settings' tabular featurizer was built from
 * @param output    output folder
 * @param registry  the model registry the run is recorded in (registry.path, or automl run --registry), or null
 * @param model     the name under which the run's model is registered as a new version (registry.model, or automl run
 *                  --register), or null
 * @param spark     the cluster whose Spark tasks run the trials (the spark section), or null for this machine
 */
record RunConfig(Path train, Path test, String target, String task, ReadOptions read, AutoMl automl, FeaturizerOptions featurize,
                 Path output, Path registry, String model, SparkSection spark) {
    RunConfig {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(automl, "automl");
        Objects.requireNonNull(featurize, "featurize");
        Objects.requireNonNull(output, "output");
    }

    /** This config writing into {@code folder}. */
    RunConfig withOutput(Path folder) {
        return new RunConfig(train, test, target, task, read, automl, featurize, folder, registry, model, spark);
    }

    /**
     * This config recording into {@code db} (if not null) and registering as {@code name} (if not null); a name alone
     * records into the registry already set, or the default one in the working folder.
     */
    RunConfig withRegistry(Path db, String name) {
        String n = name != null ? name : model;
        Path r = db != null ? db : registry != null ? registry : n != null ? Path.of(RegistryOptions.DEFAULT_FILE) : null;
        return new RunConfig(train, test, target, task, read, automl, featurize, output, r, n, spark);
    }

    /** The time budget in seconds. */
    double seconds() {
        return automl.settings().budget().time().toNanos() / 1e9;
    }
}
