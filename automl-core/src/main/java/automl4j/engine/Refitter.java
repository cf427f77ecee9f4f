package automl4j.engine;

import automl4j.leaderboard.TrialResult;

import automl4j.data.Target;
import automl4j.execute.TrialEvaluator;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * Refits finished trials' configs on all training rows for the exported pipeline, fitting the featurizer once per
 * distinct featurization choice so that ensemble members with the same choices share one transform.
 */
final class Refitter {
    /**
     * A refitted config.
     *
     * @param transform the featurizer fitted on all rows with the config's choices
     * @param model     the model fitted on its output
     * @param config    the config it was refitted with: the trial's, with the settings its fits learned
     * @param seconds   wall time of the refit, featurization included
     */
    record Fitted(FittedTransform transform, FittedModel model, automl4j.space.Config config, double seconds) {
    }

    private final Featurizer featurizer;
    private final Table table;
    private final int[] rows;
    private final Target target;
    private final double[] y;
    private final int threads;   // the run's cores: the most a refit may use
    private final long deadlineNanos;
    private final Map<Map<String, Object>, FittedTransform> transforms = new HashMap<>();

    /**
     * A refitter of {@code problem}'s trials on all its rows, with {@code featurized}'s featurizer (already fitted with
     * the default choices), using at most {@code threads} threads, with fits that stop at {@code deadlineNanos}.
     */
    Refitter(Problem problem, Featurized featurized, int threads, long deadlineNanos) {
        this.featurizer = featurized.featurizer();
        this.table = problem.data().table();
        this.rows = problem.rows();
        this.target = problem.target();
        this.y = problem.y();
        this.threads = threads;
        this.deadlineNanos = deadlineNanos;
        transforms.put(new TreeMap<>(featurized.defaults()), featurized.full());
    }

    /** {@code trial}'s config with the settings its validation fits learned (such as early-stopped rounds). */
    static automl4j.space.Config refitConfig(TrialResult trial) {
        automl4j.space.Config config = trial.trial().config();
        if (trial.completed() == null || trial.completed().refitSettings().isEmpty()) {
            return config;
        }
        Map<String, Object> values = new TreeMap<>(config.values());
        values.putAll(trial.completed().refitSettings());
        return automl4j.space.Config.of(config.learner(), values);
    }

    /**
     * Threads for one refit: one, as its trials had (the time reserved for the refit was estimated from their
     * single-thread fits), unless on one it would not end by the deadline; then all of the run's cores. Several threads
     * gain little on the small fits a short search refits, and on a machine whose cores are busy they lose much: with
     * more threads than free cores, XGBoost's OpenMP barriers made a 0.44 s refit take about 4 s and stop half-trained
     * at the deadline (issue 14, contention benchmark).
     *
     * @param expectedSeconds the refit's expected single-thread time
     * @param secondsLeft     time until the refit's deadline
     * @param cores           the run's cores
     */
    static int threadsFor(double expectedSeconds, double secondsLeft, int cores) {
        return cores > 1 && !(1.5 * expectedSeconds <= secondsLeft) ? cores : 1;
    }

    /**
     * Refits {@code trial}'s config with {@code learner}, expected to take {@code expectedSeconds} on one thread;
     * exceptions from the featurizer or learner propagate.
     */
    Fitted refit(TrialResult trial, Learner learner, double expectedSeconds) {
        long start = System.nanoTime();
        int threads = threadsFor(expectedSeconds, (deadlineNanos - start) / 1e9, this.threads);
        Map<String, Object> choices = new TreeMap<>(TrialEvaluator.featurizeChoices(trial.trial().config()));
        FittedTransform transform = transforms.computeIfAbsent(choices, c -> featurizer.configured(c).fit(table, rows, target, y));
        TrainingSet all = new TrainingSet(transform.transformTraining(table, rows), Labels.of(y), target);
        FittedModel model = learner.fit(all, TrialEvaluator.learnerConfig(refitConfig(trial)),
                new FitContext(trial.trial().seed(), threads, deadlineNanos));
        return new Refitter.Fitted(transform, model, refitConfig(trial), (System.nanoTime() - start) / 1e9);
    }
}
