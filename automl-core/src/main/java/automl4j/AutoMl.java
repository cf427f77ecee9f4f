package automl4j;

import automl4j.data.TaskData;
import automl4j.execute.Gpus;
import automl4j.execute.Isolation;
import automl4j.execute.TrialExecutor;
import automl4j.featurize.Featurizer;
import automl4j.featurize.Featurizers;
import automl4j.journal.DataFingerprint;
import automl4j.journal.Journal;
import automl4j.journal.JournalEvent;
import automl4j.journal.JournalException;
import automl4j.journal.JournalWriter;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.run.Engine;
import automl4j.run.LoggingListener;
import automl4j.run.PriorTrials;
import automl4j.run.RunListener;
import automl4j.run.RunSettings;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.Searcher;
import automl4j.search.Searchers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The entry point: an immutable AutoML configuration that fits tables. One {@code AutoMl} may run many fits.
 *
 * <pre>{@code
 * AutoMlRun run = AutoMl.builder()
 *         .metric(Metrics.rocAuc())
 *         .budget(Budget.ofTime(Duration.ofSeconds(60)).withMaxTrials(200))
 *         .seed(7)
 *         .build()
 *         .fit(TaskData.of(table, "class"));
 * }</pre>
 */
public final class AutoMl {
    /** Rounds of ensemble selection unless {@link Builder#ensembleRounds(int)} says otherwise. */
    public static final int DEFAULT_ENSEMBLE_ROUNDS = 50;

    private final Builder b;

    private AutoMl(Builder b) {
        this.b = b.copy();
    }

    /** A builder with the defaults: task's metric, 60 s, seed 0, every discovered learner, the TPE searcher, all cores. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return b.copy();
    }

    /**
     * Searches for the best pipeline for {@code data} within the budget.
     *
     * <p>What the time budget covers: this call, from its start to its return: reading the target, the guardrails,
     * featurization, the search, ensemble selection and the final refit. The run ends within the budget plus a grace of
     * max(2 s, 5 % of the budget). It does not cover what the caller does before or after (starting the JVM, reading
     * the data, explaining or saving the model); a caller that must bound all of that too gives its share with
     * {@link Builder#timeOutside(Duration)}. A run on valid data always returns a model: when no trial completed in
     * time, a flagged fallback (the cheapest learner's defaults on a sample, or the class prior / mean baseline); see
     * the README, "How a run works".
     *
     * @throws IllegalArgumentException for bad data (naming the column and row) or a metric that does not fit the task
     * @throws AutoMlException          if every trial failed with an error, or the final refit failed
     */
    public AutoMlRun fit(TaskData data) {
        Objects.requireNonNull(data, "data");
        return run(data, null);
    }

    /**
     * Continues the run recorded in the journal ({@link Builder#journal(Path)}) that was interrupted: trials that
     * finished are kept and not run again, the searcher sees them as before, trials that were running are run again,
     * and the budget is what was left. This {@code AutoMl} must have the settings of the interrupted run and
     * {@code data} must be the same table.
     *
     * @throws IllegalStateException if no journal is set
     * @throws JournalException      if the journal cannot be read, the run in it had finished, or the settings or data
     *                               differ from it (each difference is named)
     */
    public AutoMlRun resume(TaskData data) {
        Objects.requireNonNull(data, "data");
        if (b.journal == null) {
            throw new IllegalStateException("resume needs the journal of the interrupted run: set it with builder().journal(file)");
        }
        if (!Files.exists(b.journal)) {
            throw new JournalException("journal " + b.journal + " does not exist; there is no run to resume");
        }
        Journal journal = Journal.read(b.journal);
        journal.end().ifPresent(e -> {
            throw new JournalException("journal " + b.journal + ": its run ended (" + e.status() + ", " + e.detail()
                    + "); there is nothing to resume");
        });
        Map<String, String> now = settingsFingerprint(data);
        List<String> changed = new ArrayList<>();
        Map<String, String> then = journal.header().settings();
        for (String key : new TreeSet<>(union(then.keySet(), now.keySet()))) {
            if (!Objects.equals(then.get(key), now.get(key))) {
                changed.add(key + " (journal: " + then.getOrDefault(key, "unset") + ", now: " + now.getOrDefault(key, "unset") + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new JournalException("cannot resume the run in " + b.journal + ": its settings changed: " + String.join("; ", changed));
        }
        if (!journal.header().dataFingerprint().equals(DataFingerprint.of(data))) {
            throw new JournalException("cannot resume the run in " + b.journal + ": the data changed (the table '" + data.source()
                    + "' differs from the one the run started with in its columns, cells, target or task)");
        }
        return run(data, journal);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** The settings that decide which trials a run makes, as a resumed run must match them. */
    private Map<String, String> settingsFingerprint(TaskData data) {
        Map<String, String> m = new TreeMap<>();
        m.put("target", data.targetName());
        m.put("metric", b.metric == null ? "default" : b.metric.name());
        m.put("budget.time", b.budget.time().toString());
        m.put("budget.max_trials", Integer.toString(b.budget.maxTrials()));
        m.put("seed", Long.toString(b.seed));
        m.put("learners", String.join(",", learners().stream().map(Learner::id).toList()));
        m.put("searcher", searcher().id());
        m.put("featurizer", featurizer().id());
        m.putAll(featurizer().settings());   // featurize.* keys of the tabular featurizer: each one changes the trials
        m.put("trial_timeout", b.trialTimeout == null ? "none" : b.trialTimeout.toString());
        m.put("portfolio", portfolioDigest(b.portfolio != null ? b.portfolio : Portfolio.builtIn()));
        m.put("pruning", Boolean.toString(b.pruning));
        m.put("ensemble_rounds", Integer.toString(b.ensembleRounds));
        return m;
    }

    private static String portfolioDigest(Portfolio p) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(p.toJson());
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private List<Learner> learners() {
        List<Learner> learners = b.learners != null ? b.learners : Learners.discovered();
        if (learners.isEmpty()) {
            throw new IllegalStateException("no learner is on the class path; add automl-learners or pass learners(...)");
        }
        return learners;
    }

    private Searcher searcher() {
        return b.searcher != null ? b.searcher : defaultSearcher();
    }

    private Featurizer featurizer() {
        return b.featurizer != null ? b.featurizer : Featurizers.forId("tabular");
    }

    /**
     * The budget the engine gets: the configured one less {@link Builder#timeOutside(Duration)}, but at least a tenth of
     * it. The journal's fingerprint keeps the configured budget, so a resumed run matches whatever the time outside.
     */
    private Budget engineBudget() {
        if (b.timeOutside.isZero()) {
            return b.budget;
        }
        Duration left = b.budget.time().minus(b.timeOutside);
        Duration floor = b.budget.time().dividedBy(10);
        Duration time = left.compareTo(floor) < 0 ? floor : left;
        return new Budget(time.isZero() ? Duration.ofMillis(1) : time, b.budget.maxTrials());
    }

    private AutoMlRun run(TaskData data, Journal resumed) {
        List<Learner> learners = learners();
        Budget budget = engineBudget();
        Searcher searcher = searcher();
        Featurizer featurizer = featurizer();
        TrialExecutor executor = b.executor != null ? b.executor : TrialExecutor.ofCores(Runtime.getRuntime().availableProcessors());
        RunListener logged = RunListener.all(List.of(new LoggingListener(), b.listener));
        if (b.journal == null) {
            return Engine.fit(data, new RunSettings(b.metric, budget, b.seed, learners, searcher, featurizer, executor,
                    b.trialTimeout, logged, b.portfolio != null ? b.portfolio : Portfolio.builtIn(), b.pruning, b.ensembleRounds,
                    PriorTrials.NONE, b.isolation, b.workerHeapMb, b.gpus));
        }
        JournalWriter writer = resumed == null
                ? JournalWriter.create(b.journal, new JournalEvent.RunStarted(Journal.FORMAT_VERSION, settingsFingerprint(data),
                        DataFingerprint.of(data)))
                : JournalWriter.append(b.journal, resumed);
        PriorTrials prior = resumed == null ? PriorTrials.NONE : resumed.prior();
        long t0 = System.nanoTime();
        try (writer) {
            if (resumed != null) {
                writer.write(new JournalEvent.Resumed(prior.elapsedSeconds()));
            }
            RunListener listener = RunListener.all(List.of(writer, logged));
            AutoMlRun run;
            try {
                run = Engine.fit(data, new RunSettings(b.metric, budget, b.seed, learners, searcher, featurizer, executor,
                        b.trialTimeout, listener, b.portfolio != null ? b.portfolio : Portfolio.builtIn(), b.pruning,
                        b.ensembleRounds, prior, b.isolation, b.workerHeapMb, b.gpus));
            } catch (RuntimeException e) {
                writer.write(new JournalEvent.RunFinished(prior.elapsedSeconds() + (System.nanoTime() - t0) / 1e9, "failed", e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).replace('\n', ' ')));
                throw e;
            }
            writer.write(new JournalEvent.RunFinished(run.elapsedSeconds(), "ok", "trial " + run.bestTrial().trial().id()));
            return run;
        }
    }

    private static Searcher defaultSearcher() {
        List<Searcher> all = Searchers.discovered();
        return all.stream().filter(s -> s.id().equals("tpe")).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no searcher is on the class path; add automl-searchers or pass searcher(...)"));
    }

    /** Configures an {@link AutoMl}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private Metric metric;
        private Budget budget = Budget.ofTime(Duration.ofSeconds(60));
        private long seed;
        private List<Learner> learners;
        private Searcher searcher;
        private Featurizer featurizer;
        private TrialExecutor executor;
        private Duration trialTimeout;
        private RunListener listener = RunListener.NONE;
        private int ensembleRounds = DEFAULT_ENSEMBLE_ROUNDS;
        private Portfolio portfolio;
        private boolean pruning = true;
        private Path journal;
        private Isolation isolation = Isolation.GUARDED;
        private int workerHeapMb;
        private List<Gpus.Gpu> gpus;
        private Duration timeOutside = Duration.ZERO;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.metric = metric;
            c.budget = budget;
            c.seed = seed;
            c.learners = learners;
            c.searcher = searcher;
            c.featurizer = featurizer;
            c.executor = executor;
            c.trialTimeout = trialTimeout;
            c.listener = listener;
            c.ensembleRounds = ensembleRounds;
            c.portfolio = portfolio;
            c.pruning = pruning;
            c.journal = journal;
            c.isolation = isolation;
            c.workerHeapMb = workerHeapMb;
            c.gpus = gpus;
            c.timeOutside = timeOutside;
            return c;
        }

        /** The metric to rank by; default: AUC (binary), log loss (multiclass), RMSE (regression). */
        public Builder metric(Metric m) {
            this.metric = Objects.requireNonNull(m, "metric");
            return this;
        }

        /** Time and trial limits; default 60 s and no trial limit. */
        public Builder budget(Budget b) {
            this.budget = Objects.requireNonNull(b, "budget");
            return this;
        }

        /** The run seed; default 0. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The learners to choose from; default: every learner on the class path. */
        public Builder learners(List<Learner> l) {
            if (l.isEmpty()) {
                throw new IllegalArgumentException("learners must not be empty");
            }
            Learners.byId(l);
            this.learners = List.copyOf(l);
            return this;
        }

        /** The searcher; default {@code tpe}. */
        public Builder searcher(Searcher s) {
            this.searcher = Objects.requireNonNull(s, "searcher");
            return this;
        }

        /** The featurizer; default {@code tabular}. */
        public Builder featurizer(Featurizer f) {
            this.featurizer = Objects.requireNonNull(f, "featurizer");
            return this;
        }

        /** Cores to use, one single-threaded trial per core; default: all available processors. */
        public Builder cores(int cores) {
            if (cores < 1) {
                throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
            }
            this.executor = TrialExecutor.ofCores(cores);
            return this;
        }

        /** The executor (slots and threads per trial); overrides {@link #cores(int)}. */
        public Builder executor(TrialExecutor e) {
            this.executor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /**
         * Time the budget must also cover outside {@link AutoMl#fit}: what the caller spent before the call (such as
         * starting its JVM and reading the data) plus what it keeps for after (explaining and saving the model). The
         * fit then runs within the budget less this, but never less than a tenth of the budget. It is not a setting
         * of the search: a resumed run need not repeat it. Default: zero, the budget is the fit's alone.
         *
         * @throws IllegalArgumentException if {@code d} is negative
         */
        public Builder timeOutside(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("time outside the fit must be >= 0, but was " + d);
            }
            this.timeOutside = d;
            return this;
        }

        /** The longest one trial may run; default: the whole budget. */
        public Builder trialTimeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("trial timeout must be > 0, but was " + d);
            }
            this.trialTimeout = d;
            return this;
        }

        /**
         * Rounds of greedy ensemble selection (Caruana) over the validation predictions of the best finished trials;
         * the ensemble becomes a leaderboard row and, if it scores better than every single trial, the exported
         * pipeline. Default {@value AutoMl#DEFAULT_ENSEMBLE_ROUNDS}; 0 turns ensembles off.
         */
        public Builder ensembleRounds(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("ensemble rounds must be >= 0, but was " + rounds);
            }
            this.ensembleRounds = rounds;
            return this;
        }

        /**
         * Configs tried first, before the searcher proposes (warm start); default: the built-in portfolio
         * ({@link Portfolio#builtIn()}); {@link Portfolio#none()} tries only the learners' defaults first.
         */
        public Builder portfolio(Portfolio p) {
            this.portfolio = Objects.requireNonNull(p, "portfolio");
            return this;
        }

        /**
         * Whether a cross-validated trial stops after its first validation split when its loss there is in the worst
         * quarter of the earlier trials', or after its second when in the worse half (multi-fidelity; listed as
         * {@code pruned}); default true.
         */
        public Builder pruning(boolean on) {
            this.pruning = on;
            return this;
        }

        /**
         * Writes the run's journal to {@code file} (one JSON line per event: settings and data fingerprint, each trial
         * proposed, started and finished), so that a run that is killed can be continued with
         * {@link AutoMl#resume(TaskData)}; {@link AutoMl#fit(TaskData)} replaces what the file held. Default: no journal.
         */
        public Builder journal(Path file) {
            this.journal = Objects.requireNonNull(file, "journal file");
            return this;
        }

        /**
         * Which trials run in worker processes (child JVMs started by the run, reused trial after trial, killed at a
         * trial's deadline and replaced when they die), so that a crash in native code, a fit that never returns or
         * one that exhausts its heap costs that trial only; default {@link Isolation#GUARDED} (learners with native code or
         * whose fits cannot stop at a deadline: all built-in ones).
         * If workers cannot be started, trials run in-process and the listener is told why.
         */
        public Builder isolation(Isolation i) {
            this.isolation = Objects.requireNonNull(i, "isolation");
            return this;
        }

        /**
         * Heap of each worker process in MiB; default: this JVM's heap limit, at most 60 % of the machine's memory
         * divided among the slots.
         */
        public Builder workerHeapMb(int mb) {
            if (mb < 64) {
                throw new IllegalArgumentException("worker heap must be >= 64 MiB, but was " + mb);
            }
            this.workerHeapMb = mb;
            return this;
        }

        /**
         * The GPUs that trials of GPU-capable learners (XGBoost) may run on, one trial per GPU at a time, besides the
         * CPU slots; default: the NVIDIA GPUs {@code nvidia-smi} lists. An empty list keeps every trial on the CPU.
         * GPU trials run in worker processes, which read back the device XGBoost really used: it trains on the CPU,
         * without an error, when the CUDA build of XGBoost is not on the class path or the GPU is not usable; the
         * first such trial makes the rest of the run use the CPU slots only. The final refit runs on the CPU.
         */
        public Builder gpus(List<Gpus.Gpu> gpus) {
            this.gpus = List.copyOf(Objects.requireNonNull(gpus, "gpus"));
            return this;
        }

        /** Receives progress; default none. */
        public Builder listener(RunListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** The immutable configuration. */
        public AutoMl build() {
            return new AutoMl(this);
        }
    }
}
