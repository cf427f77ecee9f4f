package automl4j.engine;

import automl4j.data.EncodedTarget;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.data.ValidationPlan;
import automl4j.ensemble.EnsembleBuilder;
import automl4j.ensemble.ValidationPool;
import automl4j.execute.Gpus;
import automl4j.execute.InProcessRunner;
import automl4j.execute.MemoryBudget;
import automl4j.execute.PredictionSink;
import automl4j.execute.PreparedSplit;
import automl4j.execute.RoutingRunner;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialEvaluator;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.WorkerRunner;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.DataShape;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.pipeline.Pipeline;
import automl4j.refit.Fallback;
import automl4j.refit.Refitter;
import automl4j.searchloop.PriorTrials;
import automl4j.searchloop.RunListener;
import automl4j.searchloop.SearchLoop;
import automl4j.settings.RunSettings;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import automl4j.validation.PreparedSplits;
import automl4j.validation.TargetGuardrails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Runs one AutoML fit: reads the target, plans validation, featurizes each split from its training part only, runs
 * the search, ranks the trials and refits the best config on all rows, all inside the time budget.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * Fits {@code data} under {@code settings}, whose plug-ins are chosen ({@link RunSettings#resolved()}), continuing
     * the {@code prior} trials of an interrupted run ({@link PriorTrials#NONE} for a new one).
     *
     * @throws IllegalArgumentException for bad data or a metric that does not fit the task
     * @throws NoModelException        if every trial failed with an error (a search that ended with no completed trial
     *                                  for lack of time exports a fallback model instead; see {@code Fallback}) or the
     *                                  refit failed
     */
    public static EngineResult fit(TaskData data, RunSettings settings, PriorTrials prior) {
        // A resumed run has already spent part of its budget.
        long start = System.nanoTime() - (long) (prior.elapsedSeconds() * 1e9);
        long budgetNanos = settings.budget().time().toNanos();
        RunListener listener = new SerializedListener(settings.listener());   // the trial runner reports from its own thread
        EncodedTarget encoded = EncodedTarget.of(data);
        Task task = encoded.target().task();
        Metric metric = settings.metric() != null ? settings.metric() : Metrics.defaultFor(task);
        if (!metric.supports(task)) {
            throw new IllegalArgumentException("metric '" + metric.name() + "' does not fit task " + task.label()
                    + "; metrics for " + task.label() + " are " + Metrics.all().stream().filter(m -> m.supports(task)).map(Metric::name).toList());
        }
        Map<String, Learner> learners = TaskSupport.learnersFor(task, Learners.byId(settings.learners()).values());
        int[] tableRows = encoded.rows();
        double[] y = encoded.values();
        if (tableRows.length < data.table().rowCount()) {
            listener.info((data.table().rowCount() - tableRows.length) + " rows have no target value and are not used for training");
        }
        ValidationPlan plan = task.validation(y, settings.seed());
        listener.info(String.format(Locale.ROOT, "task %s, %d rows, metric %s, validation %s, learners %s, searcher %s, %d slots x %d threads",
                task.label(), tableRows.length, metric.name(), plan.description(), learners.keySet(), settings.searcher().id(),
                settings.executor().slots(), settings.executor().threadsPerTrial()));

        List<Gpus.Gpu> gpus = settings.usableGpus();
        List<String> gpuLearners = learners.values().stream().filter(l -> l.traits().usesGpu() && settings.isolation().inWorker(l))
                .map(Learner::id).toList();
        listener.info(Gpus.describe(gpus, gpuLearners));
        List<Gpus.Gpu> gpuSlots = gpuLearners.isEmpty() ? List.of() : gpus;

        long featurizeStart = System.nanoTime();
        // Featurization is part of the budget (issue 14): each fit (all rows, then each split's training part) is
        // allowed its share of FEATURIZE_SHARE of the budget, and a featurizer that can do less on a tight one does.
        Featurizer featurizer = settings.featurizer().withTimeAllowance(featurizeAllowance(budgetNanos, plan.splits().size()));
        FittedTransform full = featurizer.fit(data.table(), tableRows, encoded.target(), y);
        double featurizeSeconds = 2 * (System.nanoTime() - featurizeStart) / 1e9;   // fit + transform of all rows at refit
        full.report().problems().forEach(p -> listener.info("data: " + p));
        FeaturizationReport report = TargetGuardrails.withTargetChecks(full.report(), encoded.target(), y, ValidationPlan.FOLDS);
        SearchSpace featurizeSpace = featurizer.space(full.report(), encoded.target());
        Map<String, Object> featurizeDefaults = featurizer.defaultChoices(featurizeSpace);
        PreparedSplits prepared = new PreparedSplits(featurizer, data.table(), tableRows, y, encoded.target(), plan);
        List<PreparedSplit> splits = prepared.get(featurizeDefaults);
        double trainRowsPerSplit = prepared.trainRowsPerSplit();
        if (!featurizeSpace.params().isEmpty()) {
            listener.info("featurization choices searched: " + featurizeSpace.params());
        }

        if (splits.get(0).train().features().isSparse() && learners.values().stream().anyMatch(l -> l.traits().acceptsSparse())) {
            List<String> left = learners.values().stream().filter(l -> !l.traits().acceptsSparse()).map(Learner::id).toList();
            if (!left.isEmpty()) {
                listener.info("features are sparse (" + splits.get(0).train().features().columns() + " columns, text); "
                        + "searching only learners that take sparse input, not " + left);
                learners.values().removeIf(l -> !l.traits().acceptsSparse());
            }
        }
        DataShape shape = trainingShape(splits, trainRowsPerSplit, encoded.target());
        Map<String, String> unsuited = new TreeMap<>();
        learners.values().forEach(l -> l.unsuitedTo(shape).ifPresent(why -> unsuited.put(l.id(), why)));
        if (!unsuited.isEmpty() && unsuited.size() < learners.size()) {
            unsuited.forEach((id, why) -> listener.info("not searching " + id + ": " + why));
            learners.keySet().removeAll(unsuited.keySet());
        }
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        List<Config> initial = new ArrayList<>();
        for (Learner l : learners.values()) {
            List<automl4j.space.Param> params = new ArrayList<>(l.space(task).params());
            params.addAll(featurizeSpace.params());
            spaces.put(l.id(), new SearchSpace(params));
        }
        JointSpace space = new JointSpace(spaces);
        // Warm start: the defaults of the cheap learners (a first model within seconds, even on large data), the
        // portfolio's configs that fit this run, then the defaults of the other learners, cheapest first.
        List<Learner> byCost = learners.values().stream().sorted(java.util.Comparator.comparingDouble((Learner l) -> l.traits().relativeCost())).toList();
        for (Learner l : byCost) {
            if (l.traits().relativeCost() <= CHEAP) {
                addInitial(initial, space, Config.of(l.id(), l.defaultConfig(task).values()), featurizeDefaults);
            }
        }
        for (Config c : settings.portfolio().forTask(task)) {
            addInitial(initial, space, c, featurizeDefaults);
        }
        for (Learner l : byCost) {
            addInitial(initial, space, Config.of(l.id(), l.defaultConfig(task).values()), featurizeDefaults);
        }
        double scale = tableRows.length / Math.max(1.0, trainRowsPerSplit) / plan.splits().size();
        ToDoubleFunction<TrialResult> refitSeconds = r -> refitEstimate(r, scale, featurizeSeconds);
        ValidationPool pool = new ValidationPool(POOL_OVERALL, POOL_PER_LEARNER);
        boolean ensemble = settings.ensembleRounds() > 1;
        // An ensemble refits several configs, but its members are often cheaper than the best one and the selection
        // drops members whose refits do not fit in what is left; a reserve of 1.5 refits of the best one suffices.
        double reserveFactor = ensemble ? 1.5 : 1;
        SplitStore store = SplitStore.featurizing(prepared::get);
        TrialRunner runner = runner(settings, store, learners, metric, gpuSlots, ensemble ? pool::offer : PredictionSink.NONE,
                c -> learners.get(c.learner()).memoryEstimate(shape, c), listener, prior);
        SearchLoop loop = new SearchLoop(
                new SearchLoop.Proposals(space, settings.searcher(), initial, prior, settings.seed()),
                new SearchLoop.Scoring(metric, settings.pruning(), plan.splits().size(), ensemble),
                runner, store, settings.executor().threadsPerTrial(), listener,
                best -> best == null ? 0 : reserveFactor * refitSeconds.applyAsDouble(best));
        if (!prior.proposed().isEmpty()) {
            listener.info(String.format(Locale.ROOT, "resuming after %.1f s: %d trials finished before are kept, %d that were "
                    + "running are run again", prior.elapsedSeconds(), prior.finished().size(),
                    prior.unfinished().size()));
        }
        long trialTimeout = settings.trialTimeout() == null ? budgetNanos : settings.trialTimeout().toNanos();
        List<TrialResult> results;
        try {
            results = loop.run(start, budgetNanos, settings.budget().maxTrials(), trialTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoModelException("the run was interrupted", e);
        } finally {
            runner.close();
        }
        Leaderboard board = new Leaderboard(metric, results);
        long grace = Math.max(2_000_000_000L, budgetNanos / 20);
        if (board.best().isEmpty()) {
            if (Fallback.onlyErrors(results)) {
                throw new NoModelException(noModelMessage(results));
            }
            return fallback(data, encoded, y, tableRows, full, plan, metric, results, settings, learners, report,
                    start, start + budgetNanos + grace / 2);
        }
        long refitStart = System.nanoTime();
        // Fits that train in rounds stop at this deadline; half the grace is left for a member that cannot be stopped
        // and for assembling the model, so the run ends within the budget plus the grace.
        long refitDeadline = Math.max(start + budgetNanos, refitStart) + grace / 2;
        Refitter refitter = new Refitter(featurizer, data.table(), tableRows, encoded.target(), y, featurizeDefaults, full,
                settings.executor().cores(), refitDeadline);
        Map<String, String> info = new TreeMap<>();
        info.put("metric", metric.name());
        info.put("validation", plan.description());
        info.put("training_rows", Integer.toString(tableRows.length));
        if (ensemble && pool.entries().size() > 1) {
            double secondsLeft = (start + budgetNanos - System.nanoTime()) / 1e9;
            EnsembleBuilder builder = new EnsembleBuilder(splits, metric, task, settings.ensembleRounds());
            long selectionDeadline = System.nanoTime() + (long) (Math.max(0.2, 0.25 * Math.max(0, secondsLeft)) * 1e9);
            Optional<EnsembleBuilder.Plan> chosen = builder.build(pool.entries(), results, refitSeconds,
                    Math.max(0, secondsLeft) + grace / 2e9, settings.seed(), selectionDeadline);
            // A tie goes to the ensemble: at equal validation scores an average generalizes better than one model.
            if (chosen.isPresent() && metric.loss(chosen.get().row().completed().score())
                    <= metric.loss(board.best().orElseThrow().completed().score())) {
                EnsembleBuilder.Plan ens = chosen.get();
                try {
                    List<Pipeline.Member> members = new ArrayList<>();
                    List<Integer> dropped = new ArrayList<>();
                    double keptWeight = 0;
                    for (int m = 0; m < ens.members().size(); m++) {
                        TrialResult member = ens.members().get(m);
                        // Members come heaviest first; one whose refit would end past the deadline is left out rather
                        // than overrun the budget (the estimates are generous; refits on a busy machine are not).
                        if (m > 0 && System.nanoTime() + (long) (expectedRefitSeconds(member, scale) * 1e9) - refitDeadline > 0) {
                            dropped.add(member.trial().id());
                            continue;
                        }
                        Refitter.Fitted f = refitter.refit(member, learners.get(member.trial().config().learner()),
                                expectedRefitSeconds(member, scale));
                        listener.info(refitLine(member, f, refitSeconds.applyAsDouble(member)));
                        members.add(new Pipeline.Member(f.transform(), f.model(), f.config(), ens.weights().get(m)));
                        keptWeight += ens.weights().get(m);
                    }
                    if (!dropped.isEmpty()) {
                        members = reweighted(members, keptWeight);
                        info.put("ensemble_members_left_out", dropped.toString());
                        listener.info(String.format(Locale.ROOT, "the budget ran out while refitting the ensemble: members %s "
                                + "are left out and the other weights scaled to sum to one", dropped));
                    }
                    List<TrialResult> withEnsemble = new ArrayList<>(results);
                    withEnsemble.add(ens.row());
                    info.put("validation_score", Double.toString(ens.row().completed().score()));
                    info.put("trial", Integer.toString(ens.row().trial().id()));
                    Pipeline best = new Pipeline(encoded.target(), members, ens.row().trial().config(), info);
                    long end = System.nanoTime();
                    return new EngineResult(new Leaderboard(metric, withEnsemble), best, ens.row(), plan.description(), report,
                            (end - start) / 1e9, (end - refitStart) / 1e9);
                } catch (RuntimeException e) {
                    listener.info("refitting the ensemble failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); using the best single trial");
                }
            }
        }
        List<String> refitFailures = new ArrayList<>();
        for (TrialResult candidate : refitOrder(board, (start + budgetNanos - System.nanoTime()) / 1e9, grace / 2e9, scale, featurizeSeconds)) {
            if (refitFailures.size() >= 3) {
                break;
            }
            TrialResult first = board.best().orElseThrow();
            if (candidate != first && refitFailures.isEmpty()) {
                listener.info(String.format(Locale.ROOT, "trial %d ranks first, but its refit (about %.1f s) would overrun the "
                        + "budget; refitting trial %d instead", first.trial().id(), refitEstimate(first, scale, featurizeSeconds),
                        candidate.trial().id()));
            }
            try {
                Refitter.Fitted f = refitter.refit(candidate, learners.get(candidate.trial().config().learner()),
                        expectedRefitSeconds(candidate, scale));
                listener.info(refitLine(candidate, f, refitSeconds.applyAsDouble(candidate)));
                info.put("validation_score", Double.toString(candidate.completed().score()));
                info.put("trial", Integer.toString(candidate.trial().id()));
                Pipeline best = new Pipeline(encoded.target(), f.transform(), f.model(), f.config(), info);
                long end = System.nanoTime();
                return new EngineResult(board, best, candidate, plan.description(), report, (end - start) / 1e9,
                        (end - refitStart) / 1e9);
            } catch (RuntimeException e) {
                refitFailures.add("refit of trial " + candidate.trial().id() + " (" + candidate.trial().config() + ") failed: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                listener.info(refitFailures.get(refitFailures.size() - 1));
            }
        }
        throw new NoModelException("the final refit failed: " + String.join("; ", refitFailures));
    }

    /**
     * The run of a search that ended with no completed trial, not all of them errors (issue 14): the cheapest learner's
     * defaults on a sample if that finishes by {@code deadline}, else the baseline; flagged in the log, on the leaderboard
     * (learner {@value Fallback#FALLBACK} or {@code baseline}) and in the model's info.
     */
    private static EngineResult fallback(TaskData data, EncodedTarget encoded, double[] y, int[] tableRows, FittedTransform full,
                                      ValidationPlan plan, Metric metric, List<TrialResult> results, RunSettings settings,
                                      Map<String, Learner> learners, FeaturizationReport report, long start, long deadline) {
        long fallbackStart = System.nanoTime();
        Map<String, Long> outcomes = new TreeMap<>();
        results.forEach(r -> outcomes.merge(r.outcome().status(), 1L, Long::sum));
        ValidationPlan.Split first = plan.splits().get(0);
        int id = results.size();
        Optional<Learner> cheapest = Fallback.cheapest(learners.values());
        settings.listener().info(String.format(Locale.ROOT, "warning: no trial completed within the budget (%d trials: %s)%s",
                results.size(), outcomes, cheapest.map(l -> "; fitting the defaults of " + l.id() + " on a sample of at most "
                        + Fallback.SAMPLE_ROWS + " rows").orElse("")));
        Optional<Fallback.Result> fitted = cheapest.flatMap(l -> Fallback.cheapestDefault(l, data.table(), tableRows, y,
                encoded.target(), full, first, metric, id, settings.seed(), settings.executor().threadsPerTrial(),
                deadline - 300_000_000L, deadline, settings.listener()));
        Fallback.Result chosen = fitted.orElseGet(() -> Fallback.baseline(y, encoded.target(), first, metric, id, settings.seed()));
        settings.listener().info("warning: the exported model is a fallback, " + chosen.description() + String.format(Locale.ROOT,
                ", validation %s %.5f; give the run more time (budget.seconds) for a searched model", metric.name(),
                chosen.row().completed().score()));
        Map<String, String> info = new TreeMap<>();
        info.put("metric", metric.name());
        info.put("validation", plan.description());
        info.put("training_rows", Integer.toString(tableRows.length));
        List<TrialResult> withFallback = new ArrayList<>(results);
        withFallback.add(chosen.row());
        long end = System.nanoTime();
        return new EngineResult(new Leaderboard(metric, withFallback), Fallback.model(encoded.target(), full, chosen, info),
                chosen.row(), plan.description(), report, (end - start) / 1e9, (end - fallbackStart) / 1e9);
    }

    /**
     * The run's trial runner: in-process slots and worker processes (on CPU slots and GPUs), routed per trial by the
     * learner's traits and the isolation setting, told how the trials of a resumed run ended.
     */
    private static TrialRunner runner(RunSettings settings, SplitStore store, Map<String, Learner> learners, Metric metric,
                                      List<Gpus.Gpu> gpus, PredictionSink sink, java.util.function.ToLongFunction<Config> memory,
                                      RunListener listener, PriorTrials prior) {
        Map<String, Metric> metrics = Map.of(metric.id(), metric);
        InProcessRunner inProcess = new InProcessRunner(settings.executor(), store, learners, metrics, sink);
        int workers = settings.executor().slots() + gpus.size();
        RoutingRunner router = new RoutingRunner(inProcess,
                () -> new WorkerRunner(workers, workerHeapMb(settings.workerHeapMb(), workers), store, sink),
                settings.executor().slots(), gpus, settings.isolation(), learners, metric, MemoryBudget.ofFreeHeap(), memory,
                listener::info);
        prior.finished().forEach((id, outcome) -> router.observe(prior.proposed().get(id).learner(), outcome));
        return router;
    }

    /**
     * The shape of a validation split's training part (with the default featurization's columns; other featurization
     * choices change them little): what memory estimates and {@link Learner#unsuitedTo} are judged on.
     */
    private static DataShape trainingShape(List<PreparedSplit> splits, double trainRows, automl4j.data.Target target) {
        return new DataShape((int) Math.ceil(trainRows), splits.get(0).train().features().columns(),
                target.classes().size());
    }

    /**
     * Heap of each worker: as asked, or by default this JVM's own limit, but no more than 60 % of the machine's memory
     * shared among the slots (and at least 256 MiB).
     */
    static int workerHeapMb(int asked, int slots) {
        if (asked > 0) {
            return asked;
        }
        long own = Runtime.getRuntime().maxMemory() >> 20;
        long share = own;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            share = (long) (0.6 * (os.getTotalMemorySize() >> 20) / slots);
        }
        return (int) Math.max(256, Math.min(own, share));
    }

    /** Share of the budget that featurization may take, over all its fits. */
    static final double FEATURIZE_SHARE = 0.3;

    /** Seconds one featurizer fit is allowed: {@link #FEATURIZE_SHARE} of the budget over the fit on all rows and each split's. */
    static double featurizeAllowance(long budgetNanos, int splits) {
        return Math.max(1e-3, FEATURIZE_SHARE * budgetNanos / 1e9 / (1 + splits));
    }

    /** Learners at most this relative cost have their defaults tried before the portfolio. */
    static final double CHEAP = 1.0;

    /** Adds {@code c} with the default featurization choices to {@code initial} if it fits the space and is new. */
    private static void addInitial(List<Config> initial, JointSpace space, Config c, Map<String, Object> featurizeDefaults) {
        Map<String, Object> values = new TreeMap<>(c.values());
        values.keySet().removeIf(k -> k.startsWith(TrialEvaluator.FEATURIZE_PREFIX));
        values.putAll(featurizeDefaults);
        Config fitted = Config.of(c.learner(), values);
        if (space.learners().contains(c.learner()) && space.contains(fitted) && !initial.contains(fitted)) {
            initial.add(fitted);
        }
    }

    /** Most trials kept by score for ensemble selection. */
    static final int POOL_OVERALL = 40;
    /** Trials of each learner kept for ensemble selection besides the best overall. */
    static final int POOL_PER_LEARNER = 3;

    /** Seconds a refit of {@code r}'s config on all rows is expected to take: its per-split fit time scaled to all rows. */
    static double refitEstimate(TrialResult r, double scale, double featurizeSeconds) {
        return 1.5 * r.completed().fitSeconds() * scale + featurizeSeconds + 0.3;
    }

    /** Seconds a refit of {@code r}'s config is likely to take: its fit time scaled to all rows, without a margin. */
    static double expectedRefitSeconds(TrialResult r, double scale) {
        return r.completed().fitSeconds() * scale;
    }

    private static String refitLine(TrialResult trial, Refitter.Fitted fitted, double reserved) {
        return String.format(Locale.ROOT, "refitted trial %d (%s) on all rows in %.2f s (%.2f s were reserved for it)",
                trial.trial().id(), trial.trial().config().learner(), fitted.seconds(), reserved);
    }

    /** {@code members} with their weights divided by {@code total}, so that they sum to one again. */
    private static List<Pipeline.Member> reweighted(List<Pipeline.Member> members, double total) {
        return members.stream().map(m -> new Pipeline.Member(m.transform(), m.model(), m.config(), Math.min(1, m.weight() / total)))
                .toList();
    }

    /** Configs ranked below this are never refitted in place of the best one. */
    static final int REFIT_ALTERNATIVES = 5;

    /**
     * The completed trials in the order their configs are tried for the final refit: by rank, except that a best config
     * whose refit is expected to overrun the budget by more than {@code graceSeconds} yields to the best-ranked of the
     * next {@value #REFIT_ALTERNATIVES - 1} that fits (the best config can change late, after the search already
     * spent the reserve of a cheaper one). If none of them fits, the best stays first: a small overrun is better than
     * a much worse model.
     */
    static List<TrialResult> refitOrder(Leaderboard board, double secondsLeft, double graceSeconds, double scale,
                                        double featurizeSeconds) {
        List<TrialResult> completed = board.rows().stream().filter(r -> r.completed() != null).toList();
        List<TrialResult> order = new ArrayList<>();
        double allowed = secondsLeft + graceSeconds;
        completed.stream().limit(REFIT_ALTERNATIVES).filter(r -> refitEstimate(r, scale, featurizeSeconds) <= allowed)
                .findFirst().ifPresent(order::add);
        completed.stream().filter(r -> !order.contains(r)).forEach(order::add);
        return order;
    }

    private static String noModelMessage(List<TrialResult> results) {
        StringBuilder sb = new StringBuilder("no trial completed (" + results.size() + " trials)");
        int shown = 0;
        for (TrialResult r : results) {
            if (shown == 5) {
                break;
            }
            sb.append(System.lineSeparator()).append("  trial ").append(r.trial().id()).append(' ').append(r.outcome().status());
            if (r.outcome() instanceof TrialOutcome.Failed f) {
                sb.append(": ").append(f.message());
            }
            shown++;
        }
        return sb.toString();
    }
}
