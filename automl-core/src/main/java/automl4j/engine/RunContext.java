package automl4j.engine;

import automl4j.settings.RunSettings;
import automl4j.searchloop.PriorTrials;
import automl4j.searchloop.RunListener;

import java.util.Objects;

/**
 * What every stage of one fit shares: the settings, the trials of an interrupted run it continues, the listener the
 * stages report to, and the run's clock.
 *
 * @param settings    the run's settings, plug-ins chosen
 * @param prior       the trials of an interrupted run ({@link PriorTrials#NONE} for a new one)
 * @param listener    the listener the stages report to, safe to call from the trial runner's threads
 * @param start       {@link System#nanoTime()} at which the run counts as started (earlier for a resumed run)
 * @param budgetNanos the time budget
 */
record RunContext(RunSettings settings, PriorTrials prior, RunListener listener, long start, long budgetNanos) {
    RunContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(listener, "listener");
    }

    /** Starts the clock of a run under {@code settings}; a resumed run has already spent part of its budget. */
    static RunContext start(RunSettings settings, PriorTrials prior) {
        long start = System.nanoTime() - (long) (prior.elapsedSeconds() * 1e9);
        long budgetNanos = settings.budget().time().toNanos();
        RunListener listener = new SerializedListener(settings.listener());   // the trial runner reports from its own thread
        return new RunContext(settings, prior, listener, start, budgetNanos);
    }

    /** {@link System#nanoTime()} at which the budget ends. */
    long end() {
        return start + budgetNanos;
    }

    /** Time the run may take past its budget to finish the model: 2 s, or a twentieth of a longer budget. */
    long grace() {
        return Math.max(2_000_000_000L, budgetNanos / 20);
    }

    /** Seconds until the budget ends, negative once it has. */
    double secondsLeft() {
        return (start + budgetNanos - System.nanoTime()) / 1e9;
    }

    /** Longest time one trial may take: the setting, or the whole budget. */
    long trialTimeout() {
        return settings.trialTimeout() == null ? budgetNanos : settings.trialTimeout().toNanos();
    }

    /** Whether the run exports an ensemble when one beats the best single trial. */
    boolean ensemble() {
        return settings.ensembleRounds() > 1;
    }
}
