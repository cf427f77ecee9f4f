package automl4j.engine;

import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.settings.RunSettings;
import automl4j.searchloop.PriorTrials;
import automl4j.searchloop.SearchLoop;
import automl4j.ensemble.ValidationPool;

import automl4j.data.TaskData;
import automl4j.execute.Gpus;
import automl4j.execute.InProcessRunner;
import automl4j.execute.MemoryBudget;
import automl4j.execute.PredictionSink;
import automl4j.execute.RoutingRunner;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerFactory;
import automl4j.execute.WorkerRunner;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one AutoML fit: reads the target, plans validation, featurizes each split from its training part only, runs
 * the search, ranks the trials and refits the best config on all rows, all inside the time budget.
 * <p>
 * {@link #fit} is a sequence of stages, each with one job, handing the next an immutable record: {@link Problem}
 * (target, metric, learners, validation plan) → GPU slots → {@link Featurized} → {@link Candidates} (the learners
 * worth searching) → {@link SearchStart} (space and warm start) → the search ({@link Searched}) → the model: a
 * fallback, or {@link FinalRefit}'s ensemble or best single refit. Every stage shares the run's {@link RunContext}.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * Fits {@code data} under {@code settings}, whose plug-ins are chosen ({@link RunSettings#resolved()}), continuing
     * the {@code prior} trials of an interrupted run ({@link PriorTrials#NONE} for a new one).
     *
     * @throws automl4j.DataException   for bad data
     * @throws automl4j.ConfigException a metric that does not fit the task, or no learner for it
     * @throws NoModelException          if every trial failed with an error (a search that ended with no completed trial
     *                                   for lack of time exports a fallback model instead; see {@code Fallback}) or the
     *                                   refit failed
     */
    public static EngineResult fit(TaskData data, RunSettings settings, PriorTrials prior) {
        RunContext run = RunContext.start(settings, prior);
        Problem problem = Problem.of(data, run);
        List<Gpus.Gpu> gpus = gpuSlots(run, problem);
        Featurized featurized = Featurized.of(problem, run);
        Candidates candidates = Candidates.of(problem, featurized, gpus, run.listener());
        SearchStart searchStart = SearchStart.of(problem, featurized, candidates.learners(), settings.portfolio());
        Searched searched = search(run, problem, featurized, candidates, searchStart);
        EngineResult result = finish(run, problem, featurized, candidates, searched);
        return searched.interrupted() ? result.asInterrupted() : result;
    }

    /**
     * The GPUs trials may run on besides the CPU slots: the usable ones, if a learner of {@code problem} runs on a GPU
     * in a worker; announced in the log either way.
     */
    private static List<Gpus.Gpu> gpuSlots(RunContext run, Problem problem) {
        List<Gpus.Gpu> gpus = run.settings().usableGpus();
        List<String> gpuLearners = problem.learners().values().stream()
                .filter(l -> l.traits().usesGpu() && run.settings().isolation().inWorker(l)).map(Learner::id).toList();
        run.listener().info(Gpus.describe(gpus, gpuLearners));
        return gpuLearners.isEmpty() ? List.of() : gpus;
    }

    /**
     * Runs the search from {@code start} until the budget, the trial limit or the searcher ends it, keeping in reserve
     * the expected refit time of the best trial so far (1.5 refits when the run ensembles).
     */
    private static Searched search(RunContext run, Problem problem, Featurized featurized, Candidates candidates, SearchStart start) {
        RunSettings settings = run.settings();
        RefitCosts costs = RefitCosts.of(problem, featurized);
        ValidationPool pool = new ValidationPool(POOL_OVERALL, POOL_PER_LEARNER);
        boolean ensemble = run.ensemble();
        // An ensemble refits several configs, but its members are often cheaper than the best one and the selection
        // drops members whose refits do not fit in what is left; a reserve of 1.5 refits of the best one suffices.
        double reserveFactor = ensemble ? 1.5 : 1;
        SplitStore store = SplitStore.featurizing(featurized.prepared()::get);
        // The validation predictions are kept for ensemble selection and for choosing a binary decision threshold.
        boolean keep = ensemble || ThresholdChoice.wanted(problem, settings.costRatio());
        TrialRunner runner = runner(run, problem.metric(), candidates, store, keep ? pool::offer : PredictionSink.NONE);
        SearchLoop loop = new SearchLoop(
                new SearchLoop.Proposals(start.space(), settings.searcher(), start.initial(), run.prior(), settings.seed(),
                        start.relativeCosts()),
                new SearchLoop.Scoring(problem.metric(), settings.pruning(), problem.plan().splits().size(), keep,
                        settings.pruning() ? (int) Math.round(featurized.prepared().trainRowsPerSplit()) : 0),
                runner, store, settings.executor().threadsPerTrial(), run.listener(),
                best -> best == null ? 0 : reserveFactor * costs.estimate(best));
        PriorTrials prior = run.prior();
        if (!prior.proposed().isEmpty()) {
            run.listener().info(String.format(Locale.ROOT, "resuming after %.1f s: %d trials finished before are kept, %d that were "
                    + "running are run again", prior.elapsedSeconds(), prior.finished().size(), prior.unfinished().size()));
        }
        try {
            List<TrialResult> results = loop.run(run.start(), run.budgetNanos(), settings.budget().maxTrials(), run.trialTimeout());
            return new Searched(results, pool, costs, loop.interrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoModelException("the run was interrupted", e);
        } finally {
            runner.close();
        }
    }

    /**
     * The run's model from the search's trials: a fallback if none completed (unless all failed with an error), else the
     * ensemble if it wins, else the best single config, refitted on all rows.
     */
    private static EngineResult finish(RunContext run, Problem problem, Featurized featurized, Candidates candidates, Searched searched) {
        Leaderboard board = new Leaderboard(problem.metric(), searched.results());
        if (board.best().isEmpty()) {
            if (Fallback.onlyErrors(searched.results())) {
                throw new NoModelException(noModelMessage(searched.results()));
            }
            return fallback(run, problem, featurized, candidates.learners(), searched.results());
        }
        FinalRefit refit = new FinalRefit(run, problem, featurized, candidates, searched);
        Optional<EngineResult> ensemble = refit.ensemble(board);
        EngineResult result = ensemble.isPresent() ? ensemble.get() : refit.bestSingle(board);
        return result.withHeldOut(new SplitRefits(problem, featurized.featurizer(), candidates.learners(), result.best(),
                run.settings().seed(), run.settings().executor().cores(), searched.pool()));
    }

    /**
     * The run of a search that ended with no completed trial, not all of them errors (issue 14): the cheapest learner's
     * defaults on a sample if that finishes by the budget's end plus half the grace, else the baseline; flagged in the
     * log, on the leaderboard (learner {@value Fallback#FALLBACK} or {@code baseline}) and in the model's info.
     */
    private static EngineResult fallback(RunContext run, Problem problem, Featurized featurized, Map<String, Learner> learners,
                                      List<TrialResult> results) {
        long deadline = run.end() + run.grace() / 2;
        RunSettings settings = run.settings();
        long fallbackStart = System.nanoTime();
        Map<String, Long> outcomes = new TreeMap<>();
        results.forEach(r -> outcomes.merge(r.outcome().status(), 1L, Long::sum));
        int id = results.size();
        Optional<Learner> cheapest = Fallback.cheapest(learners.values());
        settings.listener().info(String.format(Locale.ROOT, "warning: no trial completed within the budget (%d trials: %s)%s",
                results.size(), outcomes, cheapest.map(l -> "; fitting the defaults of " + l.id() + " on a sample of at most "
                        + Fallback.SAMPLE_ROWS + " rows").orElse("")));
        Optional<Fallback.Result> fitted = cheapest.flatMap(l -> Fallback.cheapestDefault(l, problem, featurized.full(), id, settings, deadline));
        Fallback.Result chosen = fitted.orElseGet(() -> Fallback.baseline(problem, id, settings.seed()));
        settings.listener().info("warning: the exported model is a fallback, " + chosen.description() + String.format(Locale.ROOT,
                ", validation %s %.5f; give the run more time (budget.seconds) for a searched model", problem.metric().name(),
                chosen.row().completed().score()));
        List<TrialResult> withFallback = new ArrayList<>(results);
        withFallback.add(chosen.row());
        long end = System.nanoTime();
        return new EngineResult(new Leaderboard(problem.metric(), withFallback), Fallback.model(problem.target(), featurized.full(), chosen, problem.info()),
                chosen.row(), problem.plan().description(), featurized.report(), (end - run.start()) / 1e9, (end - fallbackStart) / 1e9);
    }

    /**
     * The run's trial runner: the one the settings' factory makes, else in-process slots and worker processes (on CPU
     * slots and GPUs), routed per trial by the learner's traits and the isolation setting, told how the trials of a
     * resumed run ended.
     */
    private static TrialRunner runner(RunContext run, Metric metric, Candidates candidates, SplitStore store, PredictionSink sink) {
        RunSettings settings = run.settings();
        Map<String, Learner> learners = candidates.learners();
        Map<String, Metric> metrics = Map.of(metric.id(), metric);
        if (settings.trialRunner() != null) {
            // The user's runner (a Spark cluster): the search, journal and leaderboard stay here, only the fits move.
            TrialRunner own = settings.trialRunner().create(new TrialRunnerFactory.Context(store, learners, metrics, sink,
                    settings.threadsPerTrial(), run.listener()::info));
            run.listener().info("trials run on " + own + ", " + own.capacity() + " at once");
            return own;
        }
        InProcessRunner inProcess = new InProcessRunner(settings.executor(), store, learners, metrics, sink);
        int workers = settings.executor().slots() + candidates.gpus().size();
        RoutingRunner router = new RoutingRunner(inProcess,
                () -> new WorkerRunner(workers, workerHeapMb(settings.workerHeapMb(), workers), store, sink),
                settings.executor().slots(), candidates.gpus(), settings.isolation(), learners, metric, MemoryBudget.ofFreeHeap(),
                c -> learners.get(c.learner()).memoryEstimate(candidates.shape(), c), run.listener()::info);
        PriorTrials prior = run.prior();
        prior.finished().forEach((id, outcome) -> router.observe(prior.proposed().get(id).learner(), outcome));
        return router;
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
