package automl4j.execute;

import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import java.util.List;
import java.util.Objects;

/**
 * Fits a trial's config on every prepared split and scores it on the validation parts. A config's
 * {@code featurize.*} values pick the featurized splits; the rest goes to the learner.
 */
public final class TrialEvaluator {
    /** Prefix of the config values that are featurization choices rather than learner settings. */
    public static final String FEATURIZE_PREFIX = "featurize.";

    private final Metric metric;

    /** An evaluator that scores with {@code metric}. */
    public TrialEvaluator(Metric metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    /** The featurization choices in {@code config}, without the prefix stripped. */
    public static java.util.Map<String, Object> featurizeChoices(automl4j.space.Config config) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        config.values().forEach((k, v) -> {
            if (k.startsWith(FEATURIZE_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** {@code config} without its featurization choices: what the learner sees. */
    public static automl4j.space.Config learnerConfig(automl4j.space.Config config) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        config.values().forEach((k, v) -> {
            if (!k.startsWith(FEATURIZE_PREFIX)) {
                out.put(k, v);
            }
        });
        return out.size() == config.values().size() ? config : automl4j.space.Config.of(config.learner(), out);
    }

    /**
     * Evaluates {@code task} with {@code learner} on {@code splits}: fits each split's training part, scores its
     * validation part, and stops after a rung split when the task's pruning says so. With row rungs it first fits
     * growing samples of each training part and stops at a rung where the task's {@link RowRungs} say so. Exceptions from the learner
     * propagate (the runner turns them into {@link TrialOutcome.Failed}).
     *
     * @param softDeadlineNanos {@link System#nanoTime()} by which round-based learners should stop
     * @param fitDevice         where the fits train: {@code cpu} or {@code cuda:N}
     * @param sink              receives the validation predictions when the task wants them
     * @return {@link TrialOutcome.Completed} or {@link TrialOutcome.Pruned}
     */
    public TrialOutcome evaluate(TrialTask task, Learner learner, List<PreparedSplit> splits, long softDeadlineNanos,
                                 String fitDevice, PredictionSink sink) {
        long deadlineNanos = softDeadlineNanos;
        Pruning pruning = task.pruning();
        automl4j.space.Config config = learnerConfig(task.config());
        double[] scores = new double[splits.size()];
        double fitSeconds = 0;
        double predictSeconds = 0;
        long predictedRows = 0;
        String device = "cpu";
        boolean collect = task.wantsPredictions() && sink != PredictionSink.NONE;
        List<java.util.Map<String, Object>> refitSettings = new java.util.ArrayList<>();
        List<float[]> validPredictions = new java.util.ArrayList<>();
        // The row rungs before all rows: each fits a sample of every split's training rows, scored on the whole
        // validation part; the trial stops at the first where it is not among the best (see RowRungs).
        RowRungs rungs = task.rowRungs();
        List<Double> rungScores = new java.util.ArrayList<>();
        double rungSeconds = 0;   // kept out of a completed trial's fit time, from which a refit on all rows is scaled
        for (int r = 0; r < rungs.count() - 1; r++) {
            int rows = rungs.rows().get(r);
            long rungStart = System.nanoTime();
            double[] rungSplitScores = new double[splits.size()];
            for (int s = 0; s < splits.size(); s++) {
                PreparedSplit split = splits.get(s);
                FitContext context = splitContext(task, s, split, deadlineNanos, fitDevice);
                long t0 = System.nanoTime();
                FittedModel model = learner.fit(RowSamples.of(split.train(), rows), config, context);
                rungSeconds += (System.nanoTime() - t0) / 1e9;
                Predictions p = model.predict(split.valid());
                requireFinite(p, learner.id());
                rungSplitScores[s] = requireDefined(metric.score(split.validLabels(), p), s);
            }
            double rungScore = java.util.Arrays.stream(rungSplitScores).average().orElseThrow();
            rungScores.add(rungScore);
            if (rungs.stops(r, metric.loss(rungScore)) || nextRungOverruns(rungs, r, splits, System.nanoTime() - rungStart, deadlineNanos)) {
                return new TrialOutcome.Pruned(rungScore, java.util.Arrays.stream(rungSplitScores).boxed().toList(), rungSeconds,
                        rows, rungScores);
            }
        }
        for (int s = 0; s < splits.size(); s++) {
            PreparedSplit split = splits.get(s);
            FitContext context = splitContext(task, s, split, deadlineNanos, fitDevice);
            long t0 = System.nanoTime();
            FittedModel model = learner.fit(split.train(), config, context);
            long t1 = System.nanoTime();
            Predictions p = model.predict(split.valid());
            long t2 = System.nanoTime();
            fitSeconds += (t1 - t0) / 1e9;
            predictSeconds += (t2 - t1) / 1e9;
            predictedRows += split.valid().rows();
            device = model.device();
            refitSettings.add(model.refitSettings());
            requireFinite(p, learner.id());
            if (collect) {
                validPredictions.add(flatten(p));
            }
            scores[s] = requireDefined(metric.score(split.validLabels(), p), s);
            double[] lossesSoFar = new double[s + 1];
            for (int k = 0; k <= s; k++) {
                lossesSoFar[k] = metric.loss(scores[k]);
            }
            if (s < splits.size() - 1 && pruning.stops(lossesSoFar, s)) {
                return new TrialOutcome.Pruned(java.util.Arrays.stream(scores, 0, s + 1).average().orElseThrow(),
                        java.util.Arrays.stream(scores, 0, s + 1).boxed().toList(), rungSeconds + fitSeconds, 0, rungScores);
            }
        }
        double mean = 0;
        for (double v : scores) {
            mean += v;
        }
        mean /= scores.length;
        double var = 0;
        for (double v : scores) {
            var += (v - mean) * (v - mean);
        }
        double std = scores.length > 1 ? Math.sqrt(var / (scores.length - 1)) : 0.0;
        if (collect) {
            sink.accept(task.trialId(), task.learnerId(), metric.loss(mean), concat(validPredictions));
        }
        return new TrialOutcome.Completed(mean, std, fitSeconds, predictSeconds * 1e6 / Math.max(1, predictedRows), device,
                averaged(refitSettings), java.util.Arrays.stream(scores).boxed().toList(), rungScores);
    }

    /** The fit context of split {@code s}: its seed, the trial's threads and deadline, its validation part, the device. */
    private static FitContext splitContext(TrialTask task, int s, PreparedSplit split, long deadlineNanos, String fitDevice) {
        return new FitContext(automl4j.internal.Seeds.derive(task.seed(), s), task.threads(), deadlineNanos)
                .withValidation(new automl4j.learn.TrainingSet(split.valid(), split.validLabels(), split.train().target()))
                .onDevice(fitDevice);
    }

    /**
     * True if rung {@code r + 1}, at its rows' share of rung {@code r}'s {@code rungNanos} (a fit's time grows about
     * linearly with its rows), would end past the soft deadline: there it would be cut short (or abandoned), so the
     * trial stops at rung {@code r} with a score it reached in full.
     */
    static boolean nextRungOverruns(RowRungs rungs, int r, List<PreparedSplit> splits, long rungNanos, long deadlineNanos) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return false;
        }
        int trainRows = splits.stream().mapToInt(s -> s.train().size()).max().orElse(0);
        double ratio = (double) Math.min(trainRows, rungs.rows().get(r + 1)) / Math.min(trainRows, rungs.rows().get(r));
        return System.nanoTime() + (long) (rungNanos * ratio) - deadlineNanos > 0;
    }

    /** {@code score} of validation split {@code split}, which must be a number. */
    private double requireDefined(double score, int split) {
        if (Double.isNaN(score)) {
            throw new IllegalStateException(metric.name() + " is undefined on validation split " + split
                    + " (too few rows of a class for this validation scheme)");
        }
        return score;
    }

    /** The mean of each numeric setting over the splits (rounded when all are integers); others from the first split. */
    static java.util.Map<String, Object> averaged(List<java.util.Map<String, Object>> perSplit) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        if (perSplit.isEmpty()) {
            return out;
        }
        for (String key : perSplit.get(0).keySet()) {
            List<Object> values = perSplit.stream().map(m -> m.get(key)).filter(Objects::nonNull).toList();
            if (values.stream().allMatch(v -> v instanceof Integer)) {
                out.put(key, (int) Math.round(values.stream().mapToInt(v -> (Integer) v).average().orElse(0)));
            } else if (values.stream().allMatch(v -> v instanceof Number)) {
                out.put(key, values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0));
            } else {
                out.put(key, values.get(0));
            }
        }
        return out;
    }

    /** Predictions as one flat array: per row the class probabilities, or the value. */
    static float[] flatten(Predictions p) {
        double[] flat = p.toFlat();
        float[] out = new float[flat.length];
        for (int i = 0; i < flat.length; i++) {
            out[i] = (float) flat[i];
        }
        return out;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private static void requireFinite(Predictions p, String learner) {
        for (int i = 0; i < p.size(); i++) {
            if (p.hasProbabilities()) {
                for (double v : p.probabilities(i)) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalStateException(learner + " predicted a non-finite probability for validation row " + i);
                    }
                }
            } else if (!Double.isFinite(p.value(i))) {
                throw new IllegalStateException(learner + " predicted a non-finite value for validation row " + i);
            }
        }
    }
}
