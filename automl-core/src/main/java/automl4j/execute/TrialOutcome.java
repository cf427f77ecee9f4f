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
     * @param fitSeconds          total fit time over the splits
     * @param predictMicrosPerRow prediction time per validation row, in microseconds
     * @param device              device the models were trained on
     * @param refitSettings       settings the fits learned for the refit on all rows (such as early-stopped boosting
     *                            rounds, averaged over the splits); empty when none
     * @param splitScores         the score on each validation split, in split order
     */
    record Completed(double score, double scoreStd, double fitSeconds, double predictMicrosPerRow, String device,
                     java.util.Map<String, Object> refitSettings, java.util.List<Double> splitScores) implements TrialOutcome {
        public Completed {
            refitSettings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refitSettings));
            splitScores = java.util.List.copyOf(splitScores);
        }

        /** An outcome without refit settings or split scores. */
        public Completed(double score, double scoreStd, double fitSeconds, double predictMicrosPerRow, String device) {
            this(score, scoreStd, fitSeconds, predictMicrosPerRow, device, java.util.Map.of(), java.util.List.of());
        }

        /** This outcome with {@code d} as the device it really trained on. */
        Completed onDevice(String d) {
            return new Completed(score, scoreStd, fitSeconds, predictMicrosPerRow, d, refitSettings, splitScores);
        }

        @Override
        public String status() {
            return "completed";
        }
    }

    /**
     * The trial was stopped at a low fidelity (after the first validation splits) because it could not beat the
     * trials before it there; see {@link Pruning}.
     *
     * @param partialScore mean score over the splits it was evaluated on
     * @param splitScores  the score on each split it was evaluated on, in split order
     * @param seconds      its fit time so far
     */
    record Pruned(double partialScore, java.util.List<Double> splitScores, double seconds) implements TrialOutcome {
        public Pruned {
            splitScores = java.util.List.copyOf(splitScores);
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
