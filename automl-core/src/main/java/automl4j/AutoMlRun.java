package automl4j;

import automl4j.data.TaskData;
import automl4j.explain.HeldOutFits;
import automl4j.explain.HeldOutImportance;
import automl4j.featurize.FeaturizationReport;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The result of {@link AutoMl#fit}: the leaderboard, the best pipeline refitted on all rows, and what was found on
 * the way.
 *
 * @param leaderboard    every trial, ranked (with test scores once {@link #withTestScores} added them)
 * @param best           the best pipeline, refitted on all training rows
 * @param bestTrial      the leaderboard row of the config that {@code best} was refitted from
 * @param validation     the validation scheme used, such as {@code 5-fold cross-validation}
 * @param report         column kinds, data problems and guardrails found in the training rows
 * @param elapsedSeconds wall time of the whole fit, refit included
 * @param refitSeconds   wall time of the final refit
 * @param heldOut        refits of {@code best} on the validation splits, for held-out importance and diagnostics
 * @param finishedAt     trial id to the seconds since the run's start at which the trial finished (trials of this
 *                       session only: those a resumed run kept are not in it)
 */
public record AutoMlRun(Leaderboard leaderboard, AutoMlModel best, TrialResult bestTrial, String validation,
                        FeaturizationReport report, double elapsedSeconds, double refitSeconds, HeldOutFits heldOut,
                        Map<Integer, Double> finishedAt) {
    /** Most trials besides the exported model that {@link #withTestScores} refits and scores. */
    public static final int TEST_SCORED_TRIALS = 10;

    public AutoMlRun {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestTrial, "bestTrial");
        Objects.requireNonNull(heldOut, "heldOut");
        finishedAt = Map.copyOf(finishedAt);
    }

    /** A run with no held-out refits: {@link #importance()} then measures nothing. */
    public AutoMlRun(Leaderboard leaderboard, AutoMlModel best, TrialResult bestTrial, String validation,
                     FeaturizationReport report, double elapsedSeconds, double refitSeconds) {
        this(leaderboard, best, bestTrial, validation, report, elapsedSeconds, refitSeconds, HeldOutFits.NONE, Map.of());
    }

    /** The data guardrails: the target's checks, then the featurizer's, each passed, fixed or alert. */
    public java.util.List<automl4j.featurize.Guardrail> guardrails() {
        return report.guardrails();
    }

    /**
     * Held-out permutation importance of the raw input columns, with defaults ({@link HeldOutImportance}): the chosen
     * pipeline is refitted on each validation split's training rows and each column shuffled among that split's held-out
     * rows. Costs one refit per split (up to five) and {@code columns x 3} predictions of up to 1,000 rows per split; each
     * call measures anew.
     */
    public HeldOutImportance.Result importance() {
        return importance(new HeldOutImportance(), 0, Long.MAX_VALUE);
    }

    /** Held-out permutation importance as {@code importance} measures it, seeded, finishing by {@code deadlineNanos}. */
    public HeldOutImportance.Result importance(HeldOutImportance importance, long seed, long deadlineNanos) {
        return importance.compute(heldOut, best.transform().inputColumns(), seed, deadlineNanos);
    }

    /**
     * This run with scores on {@code test} in its leaderboard (as AutoGluon's {@code leaderboard(test_data)}): the
     * exported model's, under its leaderboard row, and those of up to {@value #TEST_SCORED_TRIALS} other completed
     * trials, best first, each refitted on all training rows; a trial whose refit would not end by
     * {@code deadlineNanos} ({@link System#nanoTime()}; judged by its validation fits' time) is skipped, and a refit that
     * fails leaves its row without a test score. The exported model is always scored.
     *
     * @throws DataException if {@code test} lacks the target column or an input column, or a label is not one of the
     *                       model's classes (naming the row)
     */
    public AutoMlRun withTestScores(TaskData test, long deadlineNanos) {
        Objects.requireNonNull(test, "test");
        automl4j.metric.Metric metric = leaderboard.metric();
        Map<Integer, Double> scores = new LinkedHashMap<>();
        scores.put(bestTrial.trial().id(), best.score(test.table(), metric));
        int scored = 0;
        for (TrialResult r : leaderboard.rows()) {
            if (scored >= TEST_SCORED_TRIALS || r.completed() == null) {
                break;
            }
            if (scores.containsKey(r.trial().id())) {
                continue;
            }
            scored++;
            // The trial's fit time covers one fit per validation split on part of the rows; a refit on all rows takes
            // about one split's fit on 1/0.8 as many rows (doubled for safety).
            double refitSeconds = 2.5 * r.completed().fitSeconds() / Math.max(1, heldOut.splits());
            if (System.nanoTime() + (long) (1e9 * refitSeconds) - deadlineNanos > 0) {
                continue;
            }
            try {
                Optional<Pipeline> refit = heldOut.refit(r, deadlineNanos);
                if (refit.isPresent()) {
                    scores.put(r.trial().id(), new AutoMlModel(refit.get()).score(test.table(), metric));
                }
            } catch (RuntimeException e) {
                // A refit that fails (as its trial's fits did not) leaves the row without a test score.
            }
        }
        return new AutoMlRun(leaderboard.withTestScores(scores), best, bestTrial, validation, report, elapsedSeconds,
                refitSeconds, heldOut, finishedAt);
    }

    /**
     * Writes the run's HTML report to {@code file} (see the README, "The report"): needs the {@code automl-report}
     * module on the class path, which provides the writer.
     *
     * @param train the data the run was fitted on (for SHAP, partial dependence and the data's shape)
     * @param test  labelled rows the run never saw, whose diagnostics the report shows instead of the held-out ones; or null
     * @throws IllegalStateException if no report writer is on the class path
     */
    public void report(Path file, TaskData train, TaskData test) throws IOException {
        RunReportWriter writer = ServiceLoader.load(RunReportWriter.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no report writer on the class path: add the automl-report module (io.automl4j:automl-report)"));
        writer.write(this, train, test, file);
    }

    /**
     * Writes the run's HTML report, without test data, to {@code file} ({@link #report(Path, TaskData, TaskData)} on the
     * data the run was fitted on).
     *
     * @throws IllegalStateException if the run does not know its training data (a run built by hand, or a fallback) or
     *                               no report writer is on the class path
     */
    public void report(Path file) throws IOException {
        report(file, heldOut.trainingData().orElseThrow(() -> new IllegalStateException(
                "this run does not know its training data; call report(file, train) with it")), null);
    }

    /** Writes an {@link AutoMlRun}'s HTML report; found with {@link ServiceLoader}, provided by {@code automl-report}. */
    public interface RunReportWriter {
        /** Writes {@code run}'s report on {@code train} (and {@code test}, or null) to {@code file}. */
        void write(AutoMlRun run, TaskData train, TaskData test, Path file) throws IOException;
    }
}
