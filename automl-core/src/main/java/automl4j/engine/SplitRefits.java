package automl4j.engine;

import automl4j.data.ValidationPlan;
import automl4j.execute.TrialEvaluator;
import automl4j.explain.HeldOutFits;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import automl4j.metric.Metric;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@link HeldOutFits} of a finished run: refits the chosen pipeline's member configs (as refitted on all rows, with
 * the settings their validation fits learned) on each split's training rows, with the featurizer fitted on those rows
 * only. Holds the training table, so it lives as long as the run's result. Not thread-safe.
 */
final class SplitRefits implements HeldOutFits {
    private final Problem problem;
    private final Featurizer featurizer;
    private final Map<String, Learner> learners;
    private final Pipeline best;
    private final long seed;
    private final int threads;
    private final List<ValidationPlan.Split> splits;
    private final automl4j.ensemble.ValidationPool pool;

    SplitRefits(Problem problem, Featurizer featurizer, Map<String, Learner> learners, Pipeline best, long seed, int threads,
                automl4j.ensemble.ValidationPool pool) {
        this.pool = pool;
        this.problem = problem;
        this.featurizer = featurizer;
        this.learners = Map.copyOf(learners);
        this.best = best;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.splits = firstRepeat(problem.plan().splits(), problem.rows().length);
    }

    /**
     * The splits up to the first that repeats a held-out row: repeated cross-validation lists each repeat's folds in
     * turn, and a second repeat would judge the same rows again.
     */
    static List<ValidationPlan.Split> firstRepeat(List<ValidationPlan.Split> all, int rows) {
        boolean[] seen = new boolean[rows];
        List<ValidationPlan.Split> out = new ArrayList<>();
        for (ValidationPlan.Split s : all) {
            for (int p : s.valid()) {
                if (seen[p]) {
                    return out;
                }
            }
            for (int p : s.valid()) {
                seen[p] = true;
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public int splits() {
        return splits.size();
    }

    @Override
    public Split split(int i) {
        // A table selection keeps table order, so the truth is put in table order too.
        int[] positions = java.util.Arrays.stream(splits.get(i).valid()).boxed()
                .sorted(java.util.Comparator.comparingInt(p -> problem.rows()[p])).mapToInt(Integer::intValue).toArray();
        return new Split(rowsAt(positions), Labels.of(valuesAt(positions)), tableRows(positions));
    }

    @Override
    public Pipeline fit(int split, long deadlineNanos) {
        int[] positions = splits.get(split).train();
        int[] rows = tableRows(positions);
        double[] y = valuesAt(positions);
        Table table = problem.data().table();
        Map<Map<String, Object>, FittedTransform> transforms = new HashMap<>();
        List<Pipeline.Member> members = new ArrayList<>();
        for (Pipeline.Member m : best.members()) {
            Map<String, Object> choices = new TreeMap<>(TrialEvaluator.featurizeChoices(m.config()));
            FittedTransform transform = transforms.computeIfAbsent(choices,
                    c -> featurizer.configured(c).fit(table, rows, problem.target(), y));
            members.add(new Pipeline.Member(transform, fitModel(m.config(), transform, rows, y, deadlineNanos), m.config(), m.weight()));
        }
        return new Pipeline(problem.target(), members, best.config(), Map.of(), best.stack().orElse(null), best.decision().orElse(null));
    }

    @Override
    public Optional<Pipeline> refit(TrialResult trial, long deadlineNanos) {
        if (trial.completed() == null || !learners.containsKey(trial.trial().config().learner())) {
            return Optional.empty();
        }
        Config config = Refitter.refitConfig(trial);
        int[] rows = problem.rows();
        double[] y = problem.y();
        FittedTransform transform = featurizer.configured(TrialEvaluator.featurizeChoices(config))
                .fit(problem.data().table(), rows, problem.target(), y);
        return Optional.of(new Pipeline(problem.target(), transform, fitModel(config, transform, rows, y, deadlineNanos), config, Map.of()));
    }

    private FittedModel fitModel(Config config, FittedTransform transform, int[] rows, double[] y, long deadlineNanos) {
        Learner learner = learners.get(config.learner());
        if (learner == null) {
            throw new IllegalStateException("learner '" + config.learner() + "' of the chosen pipeline is not among the run's learners");
        }
        TrainingSet set = new TrainingSet(transform.transformTraining(problem.data().table(), rows), Labels.of(y), problem.target());
        return learner.fit(set, TrialEvaluator.learnerConfig(config), new FitContext(seed, threads, deadlineNanos));
    }

    @Override
    public Metric metric() {
        return problem.metric();
    }

    @Override
    public Map<Integer, float[]> trialPredictions() {
        Map<Integer, float[]> out = new java.util.LinkedHashMap<>();
        for (automl4j.ensemble.ValidationPool.Entry e : pool.entries()) {
            out.put(e.trialId(), e.predictions());
        }
        return out;
    }

    @Override
    public Optional<automl4j.data.TaskData> trainingData() {
        return Optional.of(problem.data());
    }

    @Override
    public String validation() {
        return problem.plan().description();
    }

    private int[] tableRows(int[] positions) {
        int[] all = problem.rows();
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = all[positions[i]];
        }
        return out;
    }

    private double[] valuesAt(int[] positions) {
        double[] all = problem.y();
        double[] out = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = all[positions[i]];
        }
        return out;
    }

    /** The table rows at {@code positions}, in table order. */
    private Table rowsAt(int[] positions) {
        return problem.data().table().where(Selection.with(tableRows(positions)));
    }
}
