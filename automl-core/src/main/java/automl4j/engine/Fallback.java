package automl4j.engine;

import automl4j.leaderboard.TrialResult;
import automl4j.leaderboard.Trial;
import automl4j.settings.RunSettings;
import automl4j.searchloop.RunListener;
import automl4j.validation.PreparedSplits;
import automl4j.pipeline.Pipeline;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.data.ValidationPlan;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialOutcome;
import automl4j.featurize.FittedTransform;
import automl4j.internal.Seeds;
import automl4j.learn.BaselineLearner;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.metric.Metric;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.Table;

/**
 * The models a run falls back on when its search ends with no completed trial although not every trial failed with an
 * error (they ran out of time, were cancelled or ran out of memory; issue 14): first the default config of the cheapest
 * learner without native code, fitted on a stratified sample of at most {@value #SAMPLE_ROWS} rows of the first
 * split's training part and scored on its validation part (at most {@value #SCORE_ROWS} rows), with the featurizer
 * already fitted on all rows; if that does not finish by its deadline or fails, the {@link BaselineLearner} (class
 * prior or mean of all rows). Either is a leaderboard row of its own learner id, {@value #FALLBACK} or
 * {@value BaselineLearner#ID}, and the model's info names it under {@value #INFO_KEY}.
 */
public final class Fallback {
    /** Learner id of the leaderboard row of a fallback fit of a real learner. */
    public static final String FALLBACK = "fallback";
    /** Model info key that says the model is a fallback, and which. */
    public static final String INFO_KEY = "fallback";
    /** Most training rows of the fallback fit. */
    public static final int SAMPLE_ROWS = 500;
    /** Most validation rows the fallback fit is scored on. */
    static final int SCORE_ROWS = 5000;

    /** A fallback model and its leaderboard row. */
    record Result(TrialResult row, FittedModel model, Config config, String description) {
    }

    private Fallback() {
    }

    /**
     * Whether the search's outcome leaves no room for a fallback: there were trials and every one failed with an error
     * ({@code failed} or {@code crashed}), which points at a learner or data bug that a fallback would hide.
     */
    public static boolean onlyErrors(List<TrialResult> results) {
        return !results.isEmpty() && results.stream()
                .allMatch(r -> r.outcome() instanceof TrialOutcome.Failed || r.outcome() instanceof TrialOutcome.Crashed);
    }

    /** The learner a fallback fit uses: the cheapest without native code (ties by id), if any. */
    static Optional<Learner> cheapest(Iterable<Learner> learners) {
        List<Learner> candidates = new ArrayList<>();
        learners.forEach(l -> {
            if (!l.traits().nativeCode()) {
                candidates.add(l);
            }
        });
        return candidates.stream().min(Comparator.comparingDouble((Learner l) -> l.traits().relativeCost()).thenComparing(Learner::id));
    }

    /**
     * Fits {@code learner}'s default config on a sample of the training rows of {@code problem}'s first validation split,
     * featurized by {@code full}, and scores it on the split's validation rows; empty if it did not finish by
     * {@code deadlineNanos} (its fit is asked to stop 0.3 s before) or threw (the fit is then abandoned on its daemon
     * thread). The fit uses {@code settings}' seed and threads per trial and reports to its listener.
     */
    static Optional<Result> cheapestDefault(Learner learner, Problem problem, FittedTransform full, int trialId,
                                            RunSettings settings, long deadlineNanos) {
        Table table = problem.data().table();
        int[] tableRows = problem.rows();
        double[] y = problem.y();
        Target target = problem.target();
        ValidationPlan.Split split = problem.plan().splits().get(0);
        Metric metric = problem.metric();
        long seed = settings.seed();
        int threads = settings.executor().threadsPerTrial();
        long fitDeadlineNanos = deadlineNanos - 300_000_000L;
        Config config = Config.of(learner.id(), learner.defaultConfig(target.task()).values());
        int[] train = sample(split.train(), y, target, SAMPLE_ROWS, Seeds.derive(seed, trialId));
        int[] valid = sample(split.valid(), y, target, SCORE_ROWS, Seeds.derive(seed, trialId + 1L));
        long trialSeed = Seeds.derive(seed, trialId);
        CompletableFuture<Result> future = TrialExecutor.of(1, threads).start(() -> {
            long t0 = System.nanoTime();
            TrainingSet data = new TrainingSet(full.transformTraining(table, PreparedSplits.pick(tableRows, train)),
                    Labels.of(PreparedSplits.pick(y, train)), target);
            FittedModel model = learner.fit(data, config, new FitContext(trialSeed, threads, fitDeadlineNanos));
            long t1 = System.nanoTime();
            FeatureMatrix x = full.transform(table, PreparedSplits.pick(tableRows, valid));
            Predictions p = model.predict(x);
            double score = metric.score(Labels.of(PreparedSplits.pick(y, valid)), p);
            if (Double.isNaN(score)) {
                throw new IllegalStateException(metric.name() + " is undefined on the fallback's validation rows");
            }
            double predictMicros = (System.nanoTime() - t1) / 1e3 / Math.max(1, valid.length);
            Map<String, Object> shown = new TreeMap<>();
            shown.put("learner", learner.id());
            shown.put("sample_rows", train.length);
            TrialResult row = new TrialResult(new Trial(trialId, Config.of(FALLBACK, shown), trialSeed),
                    new TrialOutcome.Completed(score, 0, (t1 - t0) / 1e9, predictMicros, model.device()));
            return new Result(row, model, config, learner.id() + " defaults on a sample of " + train.length + " rows");
        }, threads);
        return awaited(future, deadlineNanos, learner, settings.listener());
    }

    /**
     * {@code future}'s result, if it finishes by {@code deadlineNanos}; else empty, with a log line that says why
     * ({@code future} is then cancelled if it ran out of time).
     */
    private static Optional<Result> awaited(CompletableFuture<Result> future, long deadlineNanos, Learner learner, RunListener listener) {
        try {
            return Optional.of(future.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            listener.info("the fallback fit of " + learner.id() + " did not finish in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            listener.info("the fallback fit of " + learner.id() + " failed: " + cause.getClass().getSimpleName() + ": "
                    + String.valueOf(cause.getMessage()).replace('\n', ' '));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * The baseline fitted on every row's label, scored on the validation rows of {@code problem}'s first split; its model
     * ignores the features, so no featurization is needed.
     */
    static Result baseline(Problem problem, int trialId, long seed) {
        double[] y = problem.y();
        Target target = problem.target();
        ValidationPlan.Split split = problem.plan().splits().get(0);
        Metric metric = problem.metric();
        BaselineLearner baseline = new BaselineLearner();
        FittedModel model = baseline.fit(new TrainingSet(FeatureMatrix.of(new float[0], y.length, List.of()), Labels.of(y), target),
                Config.of(BaselineLearner.ID, Map.of()), FitContext.of(seed, 1));
        double[] validY = PreparedSplits.pick(y, split.valid());
        double score = metric.score(Labels.of(validY), model.predict(FeatureMatrix.of(new float[0], validY.length, List.of())));
        String what = target.task() instanceof Classification ? "class prior" : "mean";
        TrialResult row = new TrialResult(new Trial(trialId, Config.of(BaselineLearner.ID, Map.of()), Seeds.derive(seed, trialId)),
                new TrialOutcome.Completed(score, 0, 0, 0, FitContext.CPU));
        return new Result(row, model, Config.of(BaselineLearner.ID, Map.of()), "baseline (" + what + " of the training rows)");
    }

    /** The pipeline of {@code result} over {@code full}, with its info flagged. */
    static Pipeline model(Target target, FittedTransform full, Result result, Map<String, String> info) {
        Map<String, String> flagged = new TreeMap<>(info);
        flagged.put(INFO_KEY, result.description());
        flagged.put("validation_score", Double.toString(result.row().completed().score()));
        flagged.put("trial", Integer.toString(result.row().trial().id()));
        return new Pipeline(target, full, result.model(), result.config(), flagged);
    }

    /**
     * At most {@code max} of {@code positions} (indexes into {@code y}), sorted; for classification stratified: each class
     * keeps its share (at least one row while it has any).
     */
    static int[] sample(int[] positions, double[] y, Target target, int max, long seed) {
        if (positions.length <= max) {
            return positions.clone();
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] shuffled = positions.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        if (!(target.task() instanceof Classification)) {
            int[] out = Arrays.copyOf(shuffled, max);
            Arrays.sort(out);
            return out;
        }
        int classes = target.classes().size();
        int[] count = new int[classes];
        for (int p : positions) {
            count[(int) y[p]]++;
        }
        int[] quota = new int[classes];
        for (int k = 0; k < classes; k++) {
            quota[k] = count[k] == 0 ? 0 : Math.max(1, (int) ((long) count[k] * max / positions.length));
        }
        int[] out = new int[positions.length];
        int n = 0;
        for (int p : shuffled) {
            int k = (int) y[p];
            if (quota[k] > 0) {
                quota[k]--;
                out[n++] = p;
            }
        }
        int[] kept = Arrays.copyOf(out, n);
        Arrays.sort(kept);
        return kept;
    }
}
