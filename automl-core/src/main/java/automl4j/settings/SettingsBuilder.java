package automl4j.settings;

import automl4j.ConfigException;
import automl4j.execute.Gpus;
import automl4j.execute.Isolation;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialRunnerFactory;
import automl4j.featurize.Featurizer;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.Searcher;
import automl4j.searchloop.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link RunSettings}: the defaults in one place, one method per {@link Setting} named as
 * {@link Setting#builderMethod()} derives it from the config-file key, each checking its argument (the message names
 * the key); the combinations are checked when the settings are built. {@code AutoMl.Builder} is the one users get.
 * Not thread-safe.
 *
 * @param <B> the concrete builder, so that chained calls keep its type
 */
public abstract class SettingsBuilder<B extends SettingsBuilder<B>> {
    private Metric metric;
    private Budget budget = Budget.ofTime(Duration.ofSeconds(60));
    private long seed;
    private List<Learner> learners;
    private Searcher searcher;
    private boolean pruning = true;
    private Portfolio portfolio;
    private int ensembleRounds = RunSettings.DEFAULT_ENSEMBLE_ROUNDS;
    private boolean stacking = RunSettings.DEFAULT_STACKING;
    private Double costRatio;
    private Duration trialTimeout;
    private Featurizer featurizer;
    private Integer cores;
    private int threadsPerTrial = 1;
    private Isolation isolation = Isolation.GUARDED;
    private int workerHeapMb;
    private List<Gpus.Gpu> gpus;
    private Duration timeOutside = Duration.ZERO;
    private RunListener listener = RunListener.NONE;
    private Path journal;
    private TrialRunnerFactory trialRunner;

    /** A builder holding the defaults. */
    protected SettingsBuilder() {
    }

    /** This builder, typed as its concrete class. */
    protected abstract B self();

    /** Sets every setting to its value in {@code s}. */
    protected final B copyOf(RunSettings s) {
        metric = s.metric();
        budget = s.budget();
        seed = s.seed();
        learners = s.learners();
        searcher = s.searcher();
        pruning = s.pruning();
        portfolio = s.portfolio();
        ensembleRounds = s.ensembleRounds();
        stacking = s.stacking();
        costRatio = s.costRatio();
        trialTimeout = s.trialTimeout();
        featurizer = s.featurizer();
        cores = s.cores();
        threadsPerTrial = s.threadsPerTrial();
        isolation = s.isolation();
        workerHeapMb = s.workerHeapMb();
        gpus = s.gpus();
        timeOutside = s.timeOutside();
        listener = s.listener();
        journal = s.journal();
        trialRunner = s.trialRunner();
        return self();
    }

    /**
     * The settings as set so far, with the combinations checked.
     *
     * @throws ConfigException if {@code threads_per_trial} exceeds {@code cores}
     */
    protected final RunSettings settings() {
        int c = cores != null ? cores : Math.max(threadsPerTrial, Runtime.getRuntime().availableProcessors());
        return new RunSettings(metric, budget, seed, learners, searcher, pruning, portfolio, ensembleRounds, stacking, costRatio, trialTimeout,
                featurizer, c, threadsPerTrial, isolation, workerHeapMb, gpus, timeOutside, listener, journal,
                trialRunner);
    }

    /**
     * {@code decision.cost_ratio}: for binary classification, the cost of a false positive over the cost of a false
     * negative; the exported model then predicts the second class (in code-point order) when its probability is at
     * least the threshold that minimizes {@code ratio * false positives + false negatives} on the chosen model's
     * validation predictions (stored in the model file and reported). Default: none, and the threshold is chosen for the
     * metric when it {@link Metric#usesDecisionThreshold() uses one} (f1, balanced_accuracy, mcc), else labels are the
     * most probable class.
     *
     * @throws ConfigException unless the ratio is finite and > 0
     */
    public B costRatio(double ratio) {
        this.costRatio = RunSettings.checkCostRatio(ratio);
        return self();
    }

    /** {@code metric}: the metric to rank by; default: AUC (binary), log loss (multiclass), RMSE (regression). */
    public B metric(Metric m) {
        this.metric = Objects.requireNonNull(m, "metric");
        return self();
    }

    /** Sets {@code budget.seconds} and {@code budget.max_trials} at once; default 60 s and no trial limit. */
    public B budget(Budget b) {
        this.budget = Objects.requireNonNull(b, "budget");
        return self();
    }

    /**
     * {@code budget.seconds}: the wall-clock budget of the whole fit, to the millisecond (at least one); default 60.
     *
     * @throws ConfigException unless {@code seconds} is in (0, 31536000] (a year)
     */
    public B seconds(double seconds) {
        RunSettings.checkSeconds(seconds);
        this.budget = new Budget(Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))), budget.maxTrials());
        return self();
    }

    /** {@code budget.max_trials}: the most trials, >= 1; default: no limit. */
    public B maxTrials(int maxTrials) {
        this.budget = budget.withMaxTrials(RunSettings.checkMaxTrials(maxTrials));
        return self();
    }

    /** {@code search.seed}: the run seed; default 0. */
    public B seed(long s) {
        this.seed = s;
        return self();
    }

    /**
     * {@code search.learners}: the learners to choose from, not empty, ids unique; default: every learner on the class
     * path that is {@link Learner#searchedByDefault() searched by default}.
     */
    public B learners(List<Learner> l) {
        this.learners = RunSettings.checkLearners(Objects.requireNonNull(l, "learners"));
        return self();
    }

    /**
     * {@code search.learners} by id, as in the config file: {@code learners("xgboost", "smile-logistic")}, each found
     * among the learners on the class path ({@link automl4j.learn.Learners#discovered()}).
     *
     * @throws ConfigException if an id is unknown (naming it and the known ids), repeated, or none is given
     */
    public B learners(String... ids) {
        Map<String, Learner> known = automl4j.learn.Learners.byId(automl4j.learn.Learners.discovered());
        List<Learner> chosen = new java.util.ArrayList<>();
        for (String id : ids) {
            Learner l = known.get(id);
            if (l == null) {
                throw new ConfigException(Setting.LEARNERS.key(), "search.learners: learner '" + id + "' is unknown; known learners are "
                        + new java.util.TreeSet<>(known.keySet()));
            }
            chosen.add(l);
        }
        return learners(chosen);
    }

    /** {@code search.searcher}: the searcher; default {@code tpe}. */
    public B searcher(Searcher s) {
        this.searcher = Objects.requireNonNull(s, "searcher");
        return self();
    }

    /**
     * {@code search.pruning}: whether a cross-validated trial stops after its first validation split when its loss
     * there is in the worst quarter of the earlier trials', or after its second when in the worse half; and whether, on
     * splits of at least 20,000 training rows, a trial first fits samples of 10,000 rows, then 4 times as many per rung,
     * going on only while among the best quarter of the earlier trials at that rung (multi-fidelity; listed as
     * {@code pruned}); default true.
     */
    public B pruning(boolean on) {
        this.pruning = on;
        return self();
    }

    /**
     * {@code search.portfolio}: configs tried first, before the searcher proposes (warm start); default: the built-in
     * portfolio ({@link Portfolio#builtIn()}); {@link Portfolio#none()} tries only the learners' defaults first.
     */
    public B portfolio(Portfolio p) {
        this.portfolio = Objects.requireNonNull(p, "portfolio");
        return self();
    }

    /**
     * {@code search.ensemble_rounds}: rounds of greedy ensemble selection (Caruana) over the validation predictions of
     * the best finished trials; the ensemble becomes a leaderboard row and, if it scores better than every single
     * trial, the exported pipeline. Default {@value RunSettings#DEFAULT_ENSEMBLE_ROUNDS}; 0 turns ensembles off.
     *
     * @throws ConfigException unless {@code rounds} is from 0 to {@value RunSettings#MAX_ENSEMBLE_ROUNDS}
     */
    public B ensembleRounds(int rounds) {
        this.ensembleRounds = RunSettings.checkEnsembleRounds(rounds);
        return self();
    }

    /**
     * {@code search.stacking}: also fit a stacked ensemble, a level-2 model (non-negative member weights and class
     * offsets over the members' log-probabilities, or a non-negative linear blend for regression) on the out-of-fold
     * validation predictions of the best trial of each learner and the best others; it is scored by predictions of
     * level-2 models fitted without each split's rows, and exported if it validates better than the selected ensemble
     * and every single trial. Needs ensembles on ({@code search.ensemble_rounds} above 1). Default
     * {@value RunSettings#DEFAULT_STACKING}.
     */
    public B stacking(boolean on) {
        this.stacking = on;
        return self();
    }

    /** {@code trial_timeout}: the longest one trial may run, > 0; default: the whole budget. */
    public B trialTimeout(Duration d) {
        this.trialTimeout = RunSettings.checkTrialTimeout(Objects.requireNonNull(d, "trial timeout"));
        return self();
    }

    /** {@code featurizer}: the featurizer; default {@code tabular}. */
    public B featurizer(Featurizer f) {
        this.featurizer = Objects.requireNonNull(f, "featurizer");
        return self();
    }

    /**
     * {@code cores}: cores to use, from 1 to 4 times the available processors; {@code cores / threadsPerTrial} trials
     * run at once. Default: all available processors.
     */
    public B cores(int cores) {
        this.cores = RunSettings.checkCores(cores);
        return self();
    }

    /** {@code threads_per_trial}: threads each trial may use, >= 1 and at most {@link #cores(int)}; default 1. */
    public B threadsPerTrial(int threads) {
        this.threadsPerTrial = RunSettings.checkThreadsPerTrial(threads);
        return self();
    }

    /**
     * Sets {@code cores} to the executor's cores and {@code threads_per_trial} to its threads per trial.
     *
     * @deprecated use {@link #cores(int)} and {@link #threadsPerTrial(int)}, which have config-file keys
     */
    @Deprecated(forRemoval = true)
    public B executor(TrialExecutor e) {
        Objects.requireNonNull(e, "executor");
        return cores(e.cores()).threadsPerTrial(e.threadsPerTrial());
    }

    /**
     * {@code isolation}: which trials run in worker processes (child JVMs started by the run, reused trial after trial,
     * killed at a trial's deadline and replaced when they die), so that a crash in native code, a fit that never
     * returns or one that exhausts its heap costs that trial only; default {@link Isolation#GUARDED} (learners with
     * native code or whose fits cannot stop at a deadline: all built-in ones). If workers cannot be started, trials run
     * in-process and the listener is told why.
     */
    public B isolation(Isolation i) {
        this.isolation = Objects.requireNonNull(i, "isolation");
        return self();
    }

    /**
     * {@code worker_heap_mb}: heap of each worker process in MiB, >= 64; default (or 0): this JVM's heap limit, at most
     * 60 % of the machine's memory divided among the slots.
     */
    public B workerHeapMb(int mb) {
        this.workerHeapMb = RunSettings.checkWorkerHeapMb(mb);
        return self();
    }

    /**
     * {@code gpus}: the GPUs that trials of GPU-capable learners (XGBoost) may run on, one trial per GPU at a time,
     * besides the CPU slots; default: the NVIDIA GPUs {@code nvidia-smi} lists. An empty list keeps every trial on the
     * CPU. GPU trials run in worker processes, which read back the device XGBoost really used: it trains on the CPU,
     * without an error, when the CUDA build of XGBoost is not on the class path or the GPU is not usable; the first
     * such trial makes the rest of the run use the CPU slots only. The final refit runs on the CPU.
     */
    public B gpus(List<Gpus.Gpu> gpus) {
        this.gpus = List.copyOf(Objects.requireNonNull(gpus, "gpus"));
        return self();
    }

    /**
     * {@code time_outside} (builder only): time the budget must also cover outside the fit: what the caller spent
     * before the call (such as starting its JVM and reading the data) plus what it keeps for after (explaining and
     * saving the model). The fit then runs within the budget less this, but never less than a tenth of the budget. It
     * is not a setting of the search: a resumed run need not repeat it. Default: zero, the budget is the fit's alone.
     *
     * @throws ConfigException if {@code d} is negative
     */
    public B timeOutside(Duration d) {
        this.timeOutside = RunSettings.checkTimeOutside(Objects.requireNonNull(d, "time outside"));
        return self();
    }

    /** {@code listener} (builder only): receives progress; default none. */
    public B listener(RunListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return self();
    }

    /**
     * {@code journal} (builder only): writes the run's journal to {@code file} (one JSON line per event: settings and
     * data fingerprint, each trial proposed, started and finished), so that a run that is killed can be continued
     * with {@code AutoMl.resume}; {@code AutoMl.fit} replaces what the file held. Default: no journal.
     */
    public B journal(Path file) {
        this.journal = Objects.requireNonNull(file, "journal file");
        return self();
    }

    /**
     * {@code trial_runner} (builder only): makes the runner the search's trials run on, in place of the engine's own
     * (in-process slots and worker processes, routed per trial by {@link #isolation(Isolation)}), such as
     * {@code SparkTrialRunner.factory(spark)} of the automl-spark module. The searcher, journal and leaderboard stay in
     * this JVM, and the results do not depend on the runner, so a run may be resumed on another one. {@code cores},
     * {@code isolation}, {@code worker_heap_mb} and {@code gpus} then play no part in the search (the final refit still
     * uses {@code cores}). Default: the engine's own runner.
     */
    public B trialRunner(TrialRunnerFactory factory) {
        this.trialRunner = Objects.requireNonNull(factory, "trial runner factory");
        return self();
    }
}
