package automl4j.explain;

import automl4j.leaderboard.TrialResult;
import automl4j.learn.Labels;
import automl4j.metric.Metric;
import automl4j.pipeline.Pipeline;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The run's chosen pipeline refitted on the training part of each validation split, so that it can be judged on rows
 * it never saw: the basis of held-out permutation importance ({@link HeldOutImportance}) and of the report's
 * diagnostics. Also refits a finished trial's config on all training rows, to score it on a test set. Fits happen when
 * asked for, never during the search.
 */
public interface HeldOutFits {
    /** For a run whose model was not searched (a fallback): no split to refit on. */
    HeldOutFits NONE = new HeldOutFits() {
        @Override
        public int splits() {
            return 0;
        }

        @Override
        public Split split(int i) {
            throw new IndexOutOfBoundsException("there are no held-out splits");
        }

        @Override
        public Pipeline fit(int split, long deadlineNanos) {
            throw new IndexOutOfBoundsException("there are no held-out splits");
        }

        @Override
        public Optional<Pipeline> refit(TrialResult trial, long deadlineNanos) {
            return Optional.empty();
        }

        @Override
        public Metric metric() {
            throw new IllegalStateException("there are no held-out splits");
        }

        @Override
        public String validation() {
            return "none";
        }

        @Override
        public Optional<automl4j.data.TaskData> trainingData() {
            return Optional.empty();
        }

        @Override
        public java.util.Map<Integer, float[]> trialPredictions() {
            return java.util.Map.of();
        }
    };

    /**
     * The held-out rows of one split.
     *
     * @param rows      the rows, as a table with the training columns
     * @param truth     their target values, encoded as the run's target encodes them (class indexes or values)
     * @param tableRows their row numbers in the training table (0-based), in the order of {@code rows}
     */
    record Split(Table rows, Labels truth, int[] tableRows) {
    }

    /**
     * Fits for a model judged on new labelled rows: one split, {@code rows}, on which the model itself (never refitted)
     * stands as the split's fit; for {@link HeldOutImportance} of an exported model on data it never saw.
     *
     * @param model       the model
     * @param rows        the labelled rows
     * @param truth       their targets, encoded as the model's target encodes them
     * @param metric      the metric importance is measured in
     * @param description what the rows are, such as {@code test.csv}
     */
    static HeldOutFits ofModel(Pipeline model, Table rows, Labels truth, Metric metric, String description) {
        int[] numbers = java.util.stream.IntStream.range(0, rows.rowCount()).toArray();
        return new HeldOutFits() {
            @Override
            public int splits() {
                return 1;
            }

            @Override
            public Split split(int i) {
                java.util.Objects.checkIndex(i, 1);
                return new Split(rows, truth, numbers);
            }

            @Override
            public Pipeline fit(int split, long deadlineNanos) {
                java.util.Objects.checkIndex(split, 1);
                return model;
            }

            @Override
            public Optional<Pipeline> refit(TrialResult trial, long deadlineNanos) {
                return Optional.empty();
            }

            @Override
            public Metric metric() {
                return metric;
            }

            @Override
            public String validation() {
                return description;
            }

            @Override
            public Optional<automl4j.data.TaskData> trainingData() {
                return Optional.empty();
            }

            @Override
            public java.util.Map<Integer, float[]> trialPredictions() {
                return java.util.Map.of();
            }
        };
    }

    /** How many splits can be refitted: those of the run's validation, without repeats. */
    int splits();

    /** The held-out rows of split {@code i}, in {@code [0, splits())}. */
    Split split(int i);

    /**
     * The chosen pipeline (every member of an ensemble, with its weights or level-2 model) refitted on the training part
     * of split {@code i}; fits that train in rounds stop at {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    Pipeline fit(int split, long deadlineNanos);

    /** {@code trial}'s config refitted on all training rows, or empty if it cannot be (it did not complete, its learner is gone). */
    Optional<Pipeline> refit(TrialResult trial, long deadlineNanos);

    /** The run's metric. */
    Metric metric();

    /** The validation the splits come from, such as {@code 5-fold cross-validation}. */
    String validation();

    /** The data the run was fitted on, if known. */
    Optional<automl4j.data.TaskData> trainingData();

    /**
     * The validation predictions the search kept (for ensemble selection) of its best trials, by trial id: per row of
     * every split's validation part in turn, the task's flat prediction (class probabilities, or the value). Trials
     * whose predictions were not kept are absent; empty when the search kept none.
     */
    java.util.Map<Integer, float[]> trialPredictions();
}
