package automl4j.settings;

import automl4j.ConfigException;

/**
 * The one definition of each run setting's name. A setting's {@link #key()} is its config-file key (dotted snake
 * case, {@code search.ensemble_rounds}) and its key in a run journal's settings fingerprint; its builder method
 * ({@link #builderMethod()}) is derived from the key's last part in lower camel case ({@code ensembleRounds}). Error
 * messages of the settings builders ({@link automl4j.AutoMl.Builder}) name the key.
 *
 * <p>The {@code featurize.*} keys are the tabular featurizer's own (its options builder follows the same rule); the
 * config file's {@code data.*} and {@code output} keys describe the command's input and output, not the run.
 */
public enum Setting {
    /** The metric to rank by. */
    METRIC("metric", Scope.FINGERPRINTED, "auc, logloss, accuracy, rmse or r2 (default: auc, logloss or rmse by task)"),
    /** The wall-clock budget. */
    SECONDS("budget.seconds", Scope.FINGERPRINTED, "wall-clock budget of the whole run in seconds, > 0 (default 60)"),
    /** The most trials. */
    MAX_TRIALS("budget.max_trials", Scope.FINGERPRINTED, "most trials, >= 1 (default: no limit)"),
    /** The learners to search over. */
    LEARNERS("search.learners", Scope.FINGERPRINTED, "list of learner ids to search over (default: all that are searched by default)"),
    /** The searcher. */
    SEARCHER("search.searcher", Scope.FINGERPRINTED, "random, tpe, gp, genetic or hybrid (default tpe)"),
    /** The run seed. */
    SEED("search.seed", Scope.FINGERPRINTED, "run seed, a 64-bit integer (default 0)"),
    /** Pruning of cross-validated trials. */
    PRUNING("search.pruning", Scope.FINGERPRINTED, "true stops a cross-validated trial after its first split when it is in "
            + "the worst quarter of the earlier trials there, or after its second when in the worse half, and on splits "
            + "of at least 20000 training rows first fits samples of 10000 rows, then 4 times as many per rung, going on "
            + "only while among the best quarter of the earlier trials there (default true)"),
    /** The warm-start portfolio. */
    PORTFOLIO("search.portfolio", Scope.FINGERPRINTED, "true tries the built-in portfolio of configs first (default true)"),
    /** Rounds of ensemble selection. */
    ENSEMBLE_ROUNDS("search.ensemble_rounds", Scope.FINGERPRINTED, "rounds of greedy ensemble selection over the best "
            + "trials, 0 to 10000; the ensemble is exported if it validates better than every single trial; 0 exports "
            + "the best single trial (default 50)"),
    /** Stacking beside ensemble selection. */
    STACKING("search.stacking", Scope.FINGERPRINTED, "true also fits a stacked ensemble (a level-2 model on the best "
            + "trials' out-of-fold predictions), exported if it validates better than the selected ensemble and every "
            + "single trial (default false)"),
    /** The cost ratio a binary model's decision threshold is chosen for. */
    DECISION_COST_RATIO("decision.cost_ratio", Scope.FINGERPRINTED, "binary classification: the cost of a false positive "
            + "over the cost of a false negative, > 0; the exported model predicts the second class (in code-point order) "
            + "when its probability is at least the threshold that minimizes the total cost on the validation predictions "
            + "(default: none; the threshold is then chosen for the metric when it is f1, balanced_accuracy or mcc, else "
            + "the most probable class is predicted)"),
    /** The longest one trial may run. */
    TRIAL_TIMEOUT("trial_timeout", Scope.FINGERPRINTED, "longest one trial may run in seconds, > 0 (default: the whole "
            + "budget)"),
    /** The featurizer. */
    FEATURIZER("featurizer", Scope.FINGERPRINTED, "id of the featurizer, configured by the featurize keys (default tabular)"),
    /** The cores to use. */
    CORES("cores", Scope.RUN, "cores to use, from 1 to 4 times the available processors (default: all available)"),
    /** Threads each trial may use. */
    THREADS_PER_TRIAL("threads_per_trial", Scope.RUN, "threads each trial may use, >= 1; trials run at once = cores / "
            + "threads_per_trial (default 1)"),
    /** Which trials run in worker processes. */
    ISOLATION("isolation", Scope.RUN, "in_process, native_in_workers, guarded or workers: which trials run in worker "
            + "processes (default guarded: learners with native code or whose fits cannot stop at a deadline)"),
    /** Heap of each worker process. */
    WORKER_HEAP_MB("worker_heap_mb", Scope.RUN, "heap of each worker process in MiB, >= 64 (default: this JVM's heap "
            + "limit, at most 60 % of the machine's memory divided among the slots)"),
    /** The GPUs trials may use. */
    GPUS("gpus", Scope.RUN, "auto uses the NVIDIA GPUs nvidia-smi lists for XGBoost trials (one trial per GPU, besides "
            + "the CPU slots; needs the CUDA build of XGBoost: build with -Dcuda), none keeps every trial on the CPU "
            + "(default auto)"),
    /** Time the budget also covers outside the fit; the command line measures its own. */
    TIME_OUTSIDE("time_outside", Scope.JAVA_ONLY, "time the budget also covers outside the fit (the command line "
            + "measures its own start and outputs)"),
    /** The progress listener; the command line prints progress itself. */
    LISTENER("listener", Scope.JAVA_ONLY, "receives progress (the command line prints progress itself)"),
    /** The run journal; the command line always writes one into its output folder. */
    JOURNAL("journal", Scope.JAVA_ONLY, "file of the run's journal (the command line writes journal.jsonl into its "
            + "output folder)"),
    /** Where trials run, in place of the engine's own runner; the command line builds a Spark one from its spark keys. */
    TRIAL_RUNNER("trial_runner", Scope.JAVA_ONLY, "makes the runner the trials run on (the command line builds a Spark "
            + "runner from its spark section)");

    /** Where a setting appears besides the builder. */
    public enum Scope {
        /** A config-file key and a journal fingerprint key: changing it changes which trials a run makes. */
        FINGERPRINTED,
        /** A config-file key that changes where and how fast trials run, not their results. */
        RUN,
        /** Only a builder option: its value is a Java object or something the command line decides itself. */
        JAVA_ONLY
    }

    private final String key;
    private final Scope scope;
    private final String description;

    Setting(String key, Scope scope, String description) {
        this.key = key;
        this.scope = scope;
        this.description = description;
    }

    /** The config-file and journal key, such as {@code search.ensemble_rounds}. */
    public String key() {
        return key;
    }

    /** Where the setting appears besides the builder. */
    public Scope scope() {
        return scope;
    }

    /** Whether the setting has a config-file key. */
    public boolean inConfigFile() {
        return scope != Scope.JAVA_ONLY;
    }

    /** What the setting means and its default, as the config-file reference gives it. */
    public String description() {
        return description;
    }

    /** The builder method's name: the key's last part in lower camel case ({@code ensemble_rounds} → {@code ensembleRounds}). */
    public String builderMethod() {
        return camelCase(key.substring(key.lastIndexOf('.') + 1));
    }

    /** {@code snake_name} in lower camel case: {@code one_hot_max} → {@code oneHotMax}. */
    public static String camelCase(String snakeName) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : snakeName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return s.toString();
    }

    /** A message for a bad value: {@code search.ensemble_rounds must be from 0 to 10000, but was -1}. */
    String mustBe(String expectation, Object actual) {
        return key + " must be " + expectation + ", but was " + actual;
    }

    /** The error for a bad value, naming this key: {@code search.ensemble_rounds must be from 0 to 10000, but was -1}. */
    ConfigException invalid(String expectation, Object actual) {
        return new ConfigException(key, mustBe(expectation, actual));
    }

    /** The error {@code message} about this key (which the message names). */
    ConfigException error(String message) {
        return new ConfigException(key, message);
    }
}
