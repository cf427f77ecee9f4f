package automl4j;

import automl4j.data.TaskData;
import automl4j.engine.Engine;
import automl4j.engine.EngineResult;
import automl4j.engine.NoModelException;
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
import automl4j.search.Budget;
import automl4j.searchloop.LoggingListener;
import automl4j.searchloop.PriorTrials;
import automl4j.searchloop.RunListener;
import automl4j.settings.RunSettings;
import automl4j.settings.Setting;
import automl4j.settings.SettingsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
    public static final int DEFAULT_ENSEMBLE_ROUNDS = RunSettings.DEFAULT_ENSEMBLE_ROUNDS;

    private final RunSettings settings;

    private AutoMl(RunSettings settings) {
        this.settings = settings;
    }

    /** A builder with the defaults: task's metric, 60 s, seed 0, every discovered learner, the TPE searcher, all cores. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(settings);
    }

    /** The settings as the builder was given them (defaulted plug-ins are chosen when a fit starts). */
    public RunSettings settings() {
        return settings;
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
     * <p>Cancelling: interrupt the thread that runs {@code fit}. The search stops at once, the trials running are
     * cancelled (on the leaderboard as {@code cancelled}), and the best found so far is refitted and returned as usual
     * (the fallback if none had completed); the thread's interrupt status is set again when {@code fit} returns.
     *
     * @throws DataException   for bad data (naming the column and row)
     * @throws ConfigException for a metric that does not fit the task, or learners none of which supports it
     * @throws AutoMlException if every trial failed with an error, or the final refit failed (the base of the two
     *                         above, thrown as itself for this)
     */
    public AutoMlRun fit(TaskData data) {
        Objects.requireNonNull(data, "data");
        return run(data, null);
    }

    /**
     * Continues the run recorded in the journal ({@link Builder#journal(Path)}) that was interrupted: trials that
     * finished are kept and not run again, the searcher sees them as before, trials that were running are run again,
     * and the budget is what was left. This {@code AutoMl} must have the settings of the interrupted run and
     * {@code data} must be the same table. Journals written before the settings got their config-file names resume
     * too: their old key names (such as {@code ensemble_rounds}) are read as the new ones ({@code search.ensemble_rounds}).
     *
     * @throws IllegalStateException if no journal is set
     * @throws JournalException      if the journal cannot be read, the run in it had finished, or the settings or data
     *                               differ from it (each difference is named)
     */
    public AutoMlRun resume(TaskData data) {
        Objects.requireNonNull(data, "data");
        Path file = settings.journal();
        if (file == null) {
            throw new IllegalStateException("resume needs the journal of the interrupted run: set it with builder().journal(file)");
        }
        if (!Files.exists(file)) {
            throw new JournalException("journal " + file + " does not exist; there is no run to resume");
        }
        Journal journal = Journal.read(file);
        journal.end().ifPresent(e -> {
            throw new JournalException("journal " + file + ": its run ended (" + e.status() + ", " + e.detail()
                    + "); there is nothing to resume");
        });
        List<String> changed = SettingsFingerprint.differences(journal.header().settings(),
                SettingsFingerprint.of(settings.resolved(), data));
        if (!changed.isEmpty()) {
            throw new JournalException("cannot resume the run in " + file + ": its settings changed: " + String.join("; ", changed));
        }
        if (!journal.header().dataFingerprint().equals(DataFingerprint.of(data))) {
            throw new JournalException("cannot resume the run in " + file + ": the data changed (the table '" + data.source()
                    + "' differs from the one the run started with in its columns, cells, target or task)");
        }
        return run(data, journal);
    }

    /**
     * The budget the engine gets: the configured one less {@link Builder#timeOutside(Duration)}, but at least a tenth of
     * it. The journal's fingerprint keeps the configured budget, so a resumed run matches whatever the time outside.
     */
    private static Budget engineBudget(RunSettings s) {
        Budget budget = s.budget();
        if (s.timeOutside().isZero()) {
            return budget;
        }
        Duration left = budget.time().minus(s.timeOutside());
        Duration floor = budget.time().dividedBy(10);
        Duration time = left.compareTo(floor) < 0 ? floor : left;
        return new Budget(time.isZero() ? Duration.ofMillis(1) : time, budget.maxTrials());
    }

    /**
     * The engine's fit as the user's {@link AutoMlRun}; an engine that yields no model becomes an {@link AutoMlException}
     * with the same message and cause.
     */
    private static AutoMlRun fitEngine(TaskData data, RunSettings settings, PriorTrials prior, boolean[] interrupted) {
        EngineResult r;
        automl4j.searchloop.TrialClock clock = new automl4j.searchloop.TrialClock();
        try {
            r = Engine.fit(data, settings.with(b -> b.listener(RunListener.all(List.of(clock, settings.listener())))), prior);
        } catch (NoModelException e) {
            throw new AutoMlException(e.getMessage(), e.getCause());
        }
        interrupted[0] = r.interrupted();
        return new AutoMlRun(r.leaderboard(), new AutoMlModel(r.best()), r.bestTrial(), r.validation(), r.report(),
                r.elapsedSeconds(), r.refitSeconds(), r.heldOut(), clock.finishedAt());
    }

    /**
     * Runs the fit; when its thread was interrupted during the search (a cancel), the run still returns its best model
     * so far, and the interrupt is set again once the journal is closed, for the caller to see.
     */
    private AutoMlRun run(TaskData data, Journal resumed) {
        boolean[] interrupted = new boolean[1];
        try {
            return fitOrResume(data, resumed, interrupted);
        } finally {
            if (interrupted[0]) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AutoMlRun fitOrResume(TaskData data, Journal resumed, boolean[] interrupted) {
        RunSettings resolved = settings.resolved();
        Budget budget = engineBudget(resolved);
        RunListener logged = RunListener.all(List.of(new LoggingListener(), resolved.listener()));
        if (resolved.journal() == null) {
            return fitEngine(data, resolved.with(b -> b.budget(budget).listener(logged)), PriorTrials.NONE, interrupted);
        }
        JournalWriter writer = resumed == null
                ? JournalWriter.create(resolved.journal(), new JournalEvent.RunStarted(Journal.FORMAT_VERSION,
                        SettingsFingerprint.of(resolved, data), DataFingerprint.of(data)))
                : JournalWriter.append(resolved.journal(), resumed);
        PriorTrials prior = resumed == null ? PriorTrials.NONE : resumed.prior();
        long t0 = System.nanoTime();
        try (writer) {
            if (resumed != null) {
                writer.write(new JournalEvent.Resumed(prior.elapsedSeconds()));
            }
            RunListener listener = RunListener.all(List.of(writer, logged));
            AutoMlRun run;
            try {
                run = fitEngine(data, resolved.with(b -> b.budget(budget).listener(listener)), prior, interrupted);
            } catch (RuntimeException e) {
                writer.write(new JournalEvent.RunFinished(prior.elapsedSeconds() + (System.nanoTime() - t0) / 1e9, "failed", e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).replace('\n', ' ')));
                throw e;
            }
            writer.write(new JournalEvent.RunFinished(run.elapsedSeconds(), "ok", "trial " + run.bestTrial().trial().id()));
            return run;
        }
    }

    /**
     * Configures an {@link AutoMl}: one method per setting, named after its config-file key ({@link Setting}), each
     * checking its argument; {@link #build()} checks the combinations. Not thread-safe.
     */
    public static final class Builder extends SettingsBuilder<Builder> {
        private Builder() {
        }

        private Builder(RunSettings s) {
            copyOf(s);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The immutable configuration.
         *
         * @throws ConfigException if settings contradict each other (naming both keys)
         */
        public AutoMl build() {
            return new AutoMl(settings());
        }
    }
}
