package automl4j.execute;

/** How a trial ended. */
public sealed interface TrialOutcome permits TrialOutcome.Completed, TrialOutcome.Pruned, TrialOutcome.Failed,
        TrialOutcome.OutOfMemory, TrialOutcome.Crashed, TrialOutcome.TimedOut, TrialOutcome.Cancelled {

    /**
     * A short status word for tables: {@code completed}, {@code pruned}, {@code failed},
     * {@code out_of_memory}, {@code crashed}, {@code timed_out}, {@code cancelled}.
     */
    String status();

    /**
     * The trial produced a validation score.
     *
     * @param score               mean validation score over the splits
     * @param scoreStd            standard deviation of the split scores (0 for a holdout)
     * @param fitSeconds          total fit time over the splits on all their training rows (without the sample fits of
     *                            the row rungs before them: this is what the time of a refit on all rows scales from)
     * @param predictMicrosPerRow prediction time per validation row, in microseconds
     * @param device              device the models were trained on
     * @param refitSettings       settings the fits learned for the refit on all rows (such as early-stopped boosting
     *                            rounds, averaged over the splits); empty when none
     * @param splitScores         the score on each validation split, in split order
     * @param rungScores          the mean validation score at each row rung before all rows ({@link RowRungs}), in rung
     *                            order; empty for a trial without rungs
     */
    record Completed(double score, double scoreStd, double fitSeconds, double predictMicrosPerRow, String device,
                     java.util.Map<String, Object> refitSettings, java.util.List<Double> splitScores,
                     java.util.List<Double> rungScores) implements TrialOutcome {
        public Completed {
            refitSettings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refitSettings));
            splitScores = java.util.List.copyOf(splitScores);
            rungScores = java.util.List.copyOf(rungScores);
        }

        /** An outcome of a trial without row rungs. */
        public Completed(double score, double scoreStd, double fitSeconds, double predictMicrosPerRow, String device,
                         java.util.Map<String, Object> refitSettings, java.util.List<Double> splitScores) {
            this(score, scoreStd, fitSeconds, predictMicrosPerRow, device, refitSettings, splitScores, java.util.List.of());
        }

        /** An outcome without refit settings or split scores. */
        public Completed(double score, double scoreStd, double fitSeconds, double predictMicrosPerRow, String device) {
            this(score, scoreStd, fitSeconds, predictMicrosPerRow, device, java.util.Map.of(), java.util.List.of());
        }

        /** This outcome with {@code d} as the device it really trained on. */
        Completed onDevice(String d) {
            return new Completed(score, scoreStd, fitSeconds, predictMicrosPerRow, d, refitSettings, splitScores, rungScores);
        }

        @Override
        public String status() {
            return "completed";
        }
    }

    /**
     * The trial was stopped at a low fidelity because it could not beat the trials before it there: after the first
     * validation splits (see {@link Pruning}), or after fitting a sample of each split's training rows (see
     * {@link RowRungs}).
     *
     * @param partialScore mean score over the splits it was evaluated on, at the fidelity it reached
     * @param splitScores  the score on each split it was evaluated on, in split order
     * @param seconds      its fit time so far
     * @param rows         the training rows of each split it was fitted on when it stopped at a row rung; 0 when it
     *                     stopped after some splits, fitted on all their training rows
     * @param rungScores   the mean validation score at each row rung it reached, in rung order; empty without row rungs
     */
    record Pruned(double partialScore, java.util.List<Double> splitScores, double seconds, int rows,
                  java.util.List<Double> rungScores) implements TrialOutcome {
        public Pruned {
            splitScores = java.util.List.copyOf(splitScores);
            rungScores = java.util.List.copyOf(rungScores);
            if (rows < 0) {
                throw new IllegalArgumentException("rows of a pruned trial must be >= 0, but were " + rows);
            }
        }

        /** A trial stopped after some validation splits, fitted on all their training rows. */
        public Pruned(double partialScore, java.util.List<Double> splitScores, double seconds) {
            this(partialScore, splitScores, seconds, 0, java.util.List.of());
        }

        /** True if it stopped at a row rung, fitted on a sample of the training rows. */
        public boolean atRowRung() {
            return rows > 0;
        }

        /** How many splits it was evaluated on. */
        public int splits() {
            return splitScores.size();
        }

        @Override
        public String status() {
            return "pruned";
        }
    }

    /**
     * The trial threw.
     *
     * @param message exception class and message, on one line
     * @param seconds time until it failed
     */
    record Failed(String message, double seconds) implements TrialOutcome {
        @Override
        public String status() {
            return "failed";
        }
    }

    /**
     * The trial ran out of memory. Its learner asked for more heap than there was; the rest of the run goes on.
     *
     * @param message what ran out, on one line
     * @param seconds time until it failed
     */
    record OutOfMemory(String message, double seconds) implements TrialOutcome {
        @Override
        public String status() {
            return "out_of_memory";
        }
    }

    /**
     * The worker process running the trial died (a crash in native code, or a learner that ended its JVM).
     *
     * @param message the worker's exit code or signal, on one line
     * @param seconds time until it died
     */
    record Crashed(String message, double seconds) implements TrialOutcome {
        @Override
        public String status() {
            return "crashed";
        }
    }

    /**
     * The trial did not finish before its deadline.
     *
     * @param seconds time it was given
     */
    record TimedOut(double seconds) implements TrialOutcome {
        @Override
        public String status() {
            return "timed_out";
        }
    }

    /** The trial was proposed but not run because the budget ran out. */
    record Cancelled() implements TrialOutcome {
        @Override
        public String status() {
            return "cancelled";
        }
    }
}
