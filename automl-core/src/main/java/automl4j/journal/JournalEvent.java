package automl4j.journal;

import automl4j.execute.TrialOutcome;
import automl4j.space.Config;
import java.util.Map;
import java.util.Objects;

/** One line of a run journal. Elapsed times count from the start of the run (across resumptions). */
public sealed interface JournalEvent permits JournalEvent.RunStarted, JournalEvent.Resumed, JournalEvent.TrialProposed,
        JournalEvent.TrialStarted, JournalEvent.TrialFinished, JournalEvent.RunFinished {

    /** The event's name as written in the {@code event} field. */
    String name();

    /**
     * The first line: what a resumed run must match.
     *
     * @param formatVersion   journal format version
     * @param settings        the run's settings that decide its trials, by name
     * @param dataFingerprint SHA-256 of the training table's columns and cells
     */
    record RunStarted(int formatVersion, Map<String, String> settings, String dataFingerprint) implements JournalEvent {
        public RunStarted {
            settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
            Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        }

        @Override
        public String name() {
            return "run_started";
        }
    }

    /**
     * A run was resumed after {@code elapsedSeconds}.
     *
     * @param elapsedSeconds time spent before the resumption
     */
    record Resumed(double elapsedSeconds) implements JournalEvent {
        @Override
        public String name() {
            return "resumed";
        }
    }

    /**
     * A trial's config was chosen.
     *
     * @param trial          trial id
     * @param config         its config
     * @param elapsedSeconds run time when it was proposed
     */
    record TrialProposed(int trial, Config config, double elapsedSeconds) implements JournalEvent {
        public TrialProposed {
            Objects.requireNonNull(config, "config");
        }

        @Override
        public String name() {
            return "trial_proposed";
        }
    }

    /**
     * A trial was handed to the executor.
     *
     * @param trial          trial id
     * @param elapsedSeconds run time when it started
     */
    record TrialStarted(int trial, double elapsedSeconds) implements JournalEvent {
        @Override
        public String name() {
            return "trial_started";
        }
    }

    /**
     * A trial ended.
     *
     * @param trial          trial id
     * @param outcome        how it ended, with its metrics
     * @param elapsedSeconds run time when it ended
     */
    record TrialFinished(int trial, TrialOutcome outcome, double elapsedSeconds) implements JournalEvent {
        public TrialFinished {
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String name() {
            return "trial_finished";
        }
    }

    /**
     * The run ended: the search, the refit and the export are done, or it failed.
     *
     * @param elapsedSeconds run time at the end
     * @param status         {@code ok} or {@code failed}
     * @param detail         the exported trial (ok) or the error (failed)
     */
    record RunFinished(double elapsedSeconds, String status, String detail) implements JournalEvent {
        @Override
        public String name() {
            return "run_finished";
        }
    }
}
