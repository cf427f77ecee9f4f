package automl4j.settings;

import automl4j.ConfigException;
import automl4j.execute.Gpus;
import automl4j.execute.Isolation;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialRunnerFactory;
import automl4j.featurize.Featurizer;
import automl4j.featurize.Featurizers;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.Searcher;
import automl4j.search.Searchers;
import automl4j.searchloop.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a run needs besides the data, as the user set it: one immutable value built and checked by a
 * {@link SettingsBuilder} (the user's is {@code AutoMl.Builder}). Each component is one {@link Setting} (the budget holds two:
 * {@code budget.seconds} and {@code budget.max_trials}); a null component means the default named in its builder
 * method, resolved by {@link #resolved()}. Values are checked once, here, whichever way they arrive.
 *
 * @param metric         the metric to rank by, or null for the task's default
 * @param budget         time and trial limits
 * @param seed           the run seed
 * @param learners       the learners the search may choose, in the order their defaults are tried; null for all
 *                       discovered
 * @param searcher       the searcher, or null for {@code tpe}
 * @param pruning        whether cross-validated trials may stop after their first splits ({@link automl4j.execute.Pruning}), and trials
 *                       on large splits after fitting samples of their training rows ({@code RowRungs})
 * @param portfolio      configs tried first, before the searcher proposes; null for {@link Portfolio#builtIn()}
 * @param ensembleRounds rounds of greedy ensemble selection over the finished trials; 0 or 1 exports the best single
 *                       trial
 * @param stacking       whether a stacked ensemble is also fitted (with ensembles on)
 * @param costRatio      cost of a false positive over that of a false negative, for a binary model's decision
 *                       threshold; null for none
 * @param trialTimeout   longest time one trial may take, or null for the whole budget
 * @param featurizer     the featurizer, or null for {@code tabular}
 * @param cores          cores the run may use, at least {@code threadsPerTrial}
 * @param threadsPerTrial threads each trial may use
 * @param isolation      which trials run in worker processes
 * @param workerHeapMb   heap of each worker process in MiB, or 0 for a share of the machine's memory
 * @param gpus           the GPUs trials of learners that {@link automl4j.learn.LearnerTraits#usesGpu()} may run on, besides the CPU slots;
 *                       null for those {@link Gpus#detected()} finds
 * @param timeOutside    time the budget also covers outside the fit
 * @param listener       progress listener
 * @param journal        the journal file, or null for none
 * @param trialRunner    makes the runner the trials run on, or null for the engine's own (in-process slots and worker
 *                       processes, routed per trial)
 */
public record RunSettings(Metric metric, Budget budget, long seed, List<Learner> learners, Searcher searcher,
                          boolean pruning, Portfolio portfolio, int ensembleRounds, boolean stacking, Double costRatio, Duration trialTimeout,
                          Featurizer featurizer, int cores, int threadsPerTrial, Isolation isolation, int workerHeapMb,
                          List<Gpus.Gpu> gpus, Duration timeOutside, RunListener listener, Path journal,
                          TrialRunnerFactory trialRunner) {
    /** Rounds of ensemble selection unless the builder says otherwise. */
    public static final int DEFAULT_ENSEMBLE_ROUNDS = 50;

    /** Whether a stacked ensemble is fitted unless the builder says otherwise. */
    public static final boolean DEFAULT_STACKING = false;

    /**
     * Most rounds of ensemble selection: each round scans every candidate's validation predictions, and the selection
     * keeps a count per round (2,000,000,000 rounds ran out of memory, issue 14).
     */
    public static final int MAX_ENSEMBLE_ROUNDS = 10_000;

    /** Largest {@code budget.seconds}: one year, far beyond any run, and far from overflowing a count of nanoseconds. */
    public static final double MAX_SECONDS = 365 * 24 * 3600;

    /** Most {@code cores} per available processor: far more slots than processors only starts threads and workers. */
    public static final int CORES_PER_PROCESSOR = 4;

    public RunSettings {
        Objects.requireNonNull(budget, "budget");
        learners = learners == null ? null : checkLearners(learners);
        checkEnsembleRounds(ensembleRounds);
        if (costRatio != null) {
            checkCostRatio(costRatio);
        }
        if (trialTimeout != null) {
            checkTrialTimeout(trialTimeout);
        }
        checkCores(cores);
        checkThreadsPerTrial(threadsPerTrial);
        if (threadsPerTrial > cores) {
            throw Setting.THREADS_PER_TRIAL.invalid("<= cores (" + cores + ")", threadsPerTrial);
        }
        Objects.requireNonNull(isolation, "isolation");
        checkWorkerHeapMb(workerHeapMb);
        gpus = gpus == null ? null : List.copyOf(gpus);
        checkTimeOutside(timeOutside);
        Objects.requireNonNull(listener, "listener");
    }

    /** Settings whose trials run on the engine's own runner (no {@code trialRunner}). */
    public RunSettings(Metric metric, Budget budget, long seed, List<Learner> learners, Searcher searcher,
                       boolean pruning, Portfolio portfolio, int ensembleRounds, boolean stacking, Double costRatio, Duration trialTimeout,
                       Featurizer featurizer, int cores, int threadsPerTrial, Isolation isolation, int workerHeapMb,
                       List<Gpus.Gpu> gpus, Duration timeOutside, RunListener listener, Path journal) {
        this(metric, budget, seed, learners, searcher, pruning, portfolio, ensembleRounds, stacking, costRatio, trialTimeout,
                featurizer, cores, threadsPerTrial, isolation, workerHeapMb, gpus, timeOutside, listener, journal, null);
    }

    /**
     * Checks {@code decision.cost_ratio}.
     *
     * @throws ConfigException unless it is finite and > 0
     */
    public static double checkCostRatio(double ratio) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw Setting.DECISION_COST_RATIO.invalid("a finite number > 0", ratio);
        }
        return ratio;
    }

    /** The GPUs this run may use: as given, or those found on this machine. */
    public List<Gpus.Gpu> usableGpus() {
        return gpus != null ? gpus : Gpus.detected();
    }

    /** The executor: {@code cores / threadsPerTrial} slots of {@code threadsPerTrial} threads. */
    public TrialExecutor executor() {
        return TrialExecutor.of(cores / threadsPerTrial, threadsPerTrial);
    }

    /** A copy changed by {@code change}, which gets a builder holding these settings; checked as the builder checks. */
    public RunSettings with(Consumer<SettingsBuilder<?>> change) {
        Copy c = new Copy().copyOf(this);
        change.accept(c);
        return c.settings();
    }

    /**
     * A copy with every defaulted plug-in chosen: the learners and searcher on the class path ({@code tpe} if there),
     * the {@code tabular} featurizer and the built-in portfolio.
     *
     * @throws IllegalStateException if no learner or no searcher is on the class path
     */
    public RunSettings resolved() {
        return with(b -> {
            if (learners == null) {
                List<Learner> found = Learners.discovered().stream().filter(Learner::searchedByDefault).toList();
                if (found.isEmpty()) {
                    throw new IllegalStateException("no learner is on the class path; add automl-learners or pass learners(...)");
                }
                b.learners(found);
            }
            if (searcher == null) {
                b.searcher(defaultSearcher());
            }
            if (featurizer == null) {
                b.featurizer(Featurizers.forId("tabular"));
            }
            if (portfolio == null) {
                b.portfolio(Portfolio.builtIn());
            }
        });
    }

    private static Searcher defaultSearcher() {
        List<Searcher> all = Searchers.discovered();
        return all.stream().filter(s -> s.id().equals("tpe")).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no searcher is on the class path; add automl-searchers or pass searcher(...)"));
    }

    // One check per setting, used by its builder method and by the constructor alike.

    static double checkSeconds(double seconds) {
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw Setting.SECONDS.invalid("> 0 and at most " + (long) MAX_SECONDS + " (a year)", seconds);
        }
        return seconds;
    }

    static int checkMaxTrials(int maxTrials) {
        if (maxTrials < 1) {
            throw Setting.MAX_TRIALS.invalid(">= 1", maxTrials);
        }
        return maxTrials;
    }

    static List<Learner> checkLearners(List<Learner> learners) {
        if (learners.isEmpty()) {
            throw Setting.LEARNERS.error(Setting.LEARNERS.key() + " must name at least one learner, but was empty");
        }
        try {
            Learners.byId(learners);   // a duplicate id stops here, naming both classes
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Setting.LEARNERS.key(), e.getMessage(), e);
        }
        return List.copyOf(learners);
    }

    static int checkEnsembleRounds(int rounds) {
        if (rounds < 0 || rounds > MAX_ENSEMBLE_ROUNDS) {
            throw Setting.ENSEMBLE_ROUNDS.invalid("from 0 to " + MAX_ENSEMBLE_ROUNDS, rounds);
        }
        return rounds;
    }

    static Duration checkTrialTimeout(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw Setting.TRIAL_TIMEOUT.invalid("> 0", d);
        }
        return d;
    }

    static int checkCores(int cores) {
        int processors = Runtime.getRuntime().availableProcessors();
        if (cores < 1 || cores > CORES_PER_PROCESSOR * processors) {
            throw Setting.CORES.invalid("from 1 to " + CORES_PER_PROCESSOR * processors + " ("
                    + CORES_PER_PROCESSOR + " times the " + processors + " processors of this machine)", cores);
        }
        return cores;
    }

    static int checkThreadsPerTrial(int threads) {
        if (threads < 1) {
            throw Setting.THREADS_PER_TRIAL.invalid(">= 1", threads);
        }
        return threads;
    }

    static int checkWorkerHeapMb(int mb) {
        if (mb != 0 && mb < 64) {
            throw Setting.WORKER_HEAP_MB.invalid(">= 64 (or 0 for a share of the machine's memory)", mb);
        }
        return mb;
    }

    static Duration checkTimeOutside(Duration d) {
        if (d.isNegative()) {
            throw Setting.TIME_OUTSIDE.error("time outside the fit must be >= 0, but was " + d);   // a builder-only setting: its message names no key
        }
        return d;
    }

    /** The builder behind {@link #with(Consumer)}. */
    private static final class Copy extends SettingsBuilder<Copy> {
        @Override
        protected Copy self() {
            return this;
        }
    }
}
