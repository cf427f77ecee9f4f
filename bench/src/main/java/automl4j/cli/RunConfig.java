package automl4j.cli;

import automl4j.data.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run as described by a config file, with every default filled in. Paths are resolved against the config file's
 * folder.
 *
 * @param train      training data file (CSV or ARFF)
 * @param target     target column
 * @param task       task type, or null to infer it
 * @param metric     metric name, or null for the task's default
 * @param seconds    time budget in seconds
 * @param maxTrials  most trials
 * @param learners   learner ids, or empty for all discovered learners
 * @param searcher   searcher id
 * @param seed       run seed
 * @param search     ensemble rounds, pruning and portfolio switches
 * @param cores      cores to use
 * @param output     output folder
 * @param featurize  featurizer options
 * @param read       how the CSV file is read (config keys data.separator, data.missing_values, data.infinity, data.decimal)
 */
record RunConfig(Path train, String target, TaskType task, String metric, double seconds, int maxTrials,
                 List<String> learners, String searcher, long seed, Search search, int cores, Path output,
                 automl4j.featurizers.FeaturizerOptions featurize, automl4j.datasets.ReadOptions read) {
    RunConfig {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(target, "target");
        learners = List.copyOf(learners);
        Objects.requireNonNull(searcher, "searcher");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(featurize, "featurize");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(read, "read");
    }

    /** This config writing into {@code folder}. */
    RunConfig withOutput(Path folder) {
        return new RunConfig(train, target, task, metric, seconds, maxTrials, learners, searcher, seed, search, cores, folder,
                featurize, read);
    }

    /**
     * The search and executor switches of a config file.
     *
     * @param ensembleRounds rounds of ensemble selection, 0 for none
     * @param pruning        whether trials may be pruned
     * @param portfolio      whether the built-in portfolio is tried first
     * @param isolation      which trials run in worker processes (config key {@code isolation})
     * @param gpus           whether trials may use the GPUs found on the machine (config key {@code gpus}: auto or none)
     */
    record Search(int ensembleRounds, boolean pruning, boolean portfolio, automl4j.execute.Isolation isolation, boolean gpus) {
        static final Search DEFAULTS = new Search(automl4j.AutoMl.DEFAULT_ENSEMBLE_ROUNDS, true, true,
                automl4j.execute.Isolation.GUARDED, true);
    }
}
