package automl4j.execute;

import automl4j.space.Config;
import java.util.Objects;

/**
 * One trial as a runner receives it: plain data (ids, a config, a seed, times), no plug-in objects, so that it can
 * cross to a worker process or another machine. The runner finds the featurized splits by {@link #splitSetKey()} in
 * its {@link SplitStore}, and the learner and metric by id (in its own JVM from the engine's instances, elsewhere
 * through {@link PluginRegistry}).
 *
 * @param trialId          0-based trial id, in proposal order
 * @param config           the config: the learner's id, its hyperparameters and the {@code featurize.*} choices
 * @param seed             the trial's seed
 * @param splitSetKey      the key of the featurized split set in the runner's {@link SplitStore}
 * @param metricId         the {@code Metric.id()} that scores the validation predictions
 * @param deadline         when the trial must stop, relative to when it starts running
 * @param pruning          when to stop after a rung split ({@link Pruning#NONE} to run every split)
 * @param threads          threads the learner may use, at least 1
 * @param wantsPredictions whether the validation predictions go to the runner's {@link PredictionSink}
 * @param rowRungs         the training-fraction fidelity: the row rungs and when to stop at each ({@link RowRungs#NONE}
 *                         to fit all training rows at once)
 */
public record TrialTask(int trialId, Config config, long seed, String splitSetKey, String metricId, Deadline deadline,
                        Pruning pruning, int threads, boolean wantsPredictions, RowRungs rowRungs) {
    public TrialTask {
        if (trialId < 0) {
            throw new IllegalArgumentException("trial id must be >= 0, but was " + trialId);
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(splitSetKey, "splitSetKey");
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(pruning, "pruning");
        Objects.requireNonNull(rowRungs, "rowRungs");
        if (threads < 1) {
            throw new IllegalArgumentException("threads of trial " + trialId + " must be >= 1, but was " + threads);
        }
    }

    /** A trial without row rungs: it fits all training rows of each split. */
    public TrialTask(int trialId, Config config, long seed, String splitSetKey, String metricId, Deadline deadline,
                     Pruning pruning, int threads, boolean wantsPredictions) {
        this(trialId, config, seed, splitSetKey, metricId, deadline, pruning, threads, wantsPredictions, RowRungs.NONE);
    }

    /** The id of the learner that fits this trial: the config's learner. */
    public String learnerId() {
        return config.learner();
    }

    /**
     * When a trial must stop, fixed once it starts running (a wait for a free slot or a worker's JVM is not the trial's
     * time): its soft deadline is the earlier of the search's end and its start plus its timeout; round-based learners
     * stop there. Its hard deadline, a grace later, is when the runner abandons it.
     *
     * @param searchEndNanos when the search ends, as {@link System#nanoTime()} of this JVM
     * @param timeoutNanos   longest time the trial may take, &gt;= 0
     * @param graceNanos     time between the soft and the hard deadline, &gt;= 0
     */
    public record Deadline(long searchEndNanos, long timeoutNanos, long graceNanos) {
        public Deadline {
            if (timeoutNanos < 0 || graceNanos < 0) {
                throw new IllegalArgumentException("trial timeout and grace must be >= 0 ns, but were " + timeoutNanos
                        + " and " + graceNanos);
            }
        }

        /** The soft deadline of a trial that started at {@code startNanos}. */
        public long soft(long startNanos) {
            return Math.min(searchEndNanos, startNanos + timeoutNanos);
        }

        /** The hard deadline of a trial that started at {@code startNanos}. */
        public long hard(long startNanos) {
            return soft(startNanos) + graceNanos;
        }

        /**
         * How a trial that started at {@code startNanos} and ran {@code seconds} ends at its hard deadline:
         * {@link TrialOutcome.TimedOut} when its own timeout set the deadline, {@link TrialOutcome.Cancelled} when the
         * search's end did.
         */
        public TrialOutcome overrun(long startNanos, double seconds) {
            return startNanos + timeoutNanos - searchEndNanos < 0 ? new TrialOutcome.TimedOut(seconds) : new TrialOutcome.Cancelled();
        }
    }
}
