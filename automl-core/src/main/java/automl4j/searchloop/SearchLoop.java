package automl4j.searchloop;

import automl4j.execute.Pruning;
import automl4j.execute.RowRungs;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialTask;
import automl4j.internal.Seeds;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metric;
import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Drives one search: proposes configs, runs them on the trial runner, collects outcomes, and stops at the budget.
 *
 * <p>Determinism: trial {@code i} is proposed from the results of trials {@code 0 .. i-LAG-1} only (and the configs of
 * the {@code LAG} trials before it as pending), and waits until those have finished. What a proposal sees therefore
 * does not depend on the number of slots or the order in which trials finish, so a seed and a max-trials budget give
 * the same leaderboard on 1 slot or 16, while up to {@code LAG + 1} trials can run at once. Under a pure time budget
 * (no such promise: trial costs reach the searcher) the lag grows to the number of slots, so that every slot can work.
 *
 * <p>Where a trial runs is the {@link TrialRunner}'s business: the loop sees its capacity, submits plain
 * {@link TrialTask}s and collects their outcomes; the runner enforces each trial's hard deadline.
 */
public final class SearchLoop {
    /** How many trials behind a proposal sees: trial {@code i} is proposed from the results of trials before {@code i - LAG}. */
    public static final int LAG = 4;
    // Round-based learners stop themselves at the soft deadline; this is the time one round may still take.
    // Other learners cannot be stopped and are abandoned at the hard deadline.
    static final long HARD_GRACE_NANOS = 500_000_000L;
    /** The lowest losses always shown to the searcher once the search has more than {@link #SHOWN} observations. */
    static final int SHOWN_BEST = 250;
    /**
     * Most observations shown to the searcher: the {@value #SHOWN_BEST} best and the latest others (see
     * {@link ObservationWindow}), so that proposing stays cheap however long the search runs.
     */
    static final int SHOWN = 1000;
    /** Most times the searcher is asked again when it proposes a config already tried in this run. */
    static final int REPROPOSALS = 3;
    /** Most random draws tried after that before the space counts as exhausted. */
    static final int RANDOM_DRAWS = 64;

    /**
     * What the proposals are made from.
     *
     * @param space    the joint space of the learners' configs
     * @param searcher proposes configs beyond the initial ones
     * @param initial  configs tried first, in order
     * @param prior    what an interrupted run had done
     * @param seed     the run seed
     * @param relativeCosts learners' relative costs ({@code LearnerTraits.relativeCost}) by id, to expect the time of
     *                 a learner's first trial from the trials of others (issue 16); empty: a learner's time is known
     *                 only from its own completed trials
     */
    public record Proposals(JointSpace space, Searcher searcher, List<Config> initial, PriorTrials prior, long seed,
                            Map<String, Double> relativeCosts) {
        /** Copies the initial configs and the costs. */
        public Proposals {
            initial = List.copyOf(initial);
            relativeCosts = Map.copyOf(relativeCosts);
        }

        /** Proposals with no relative costs: a learner's time is known only from its own completed trials. */
        public Proposals(JointSpace space, Searcher searcher, List<Config> initial, PriorTrials prior, long seed) {
            this(space, searcher, initial, prior, seed, Map.of());
        }
    }

    /**
     * How trials are scored and compared.
     *
     * @param metric           the run's metric
     * @param prune            whether cross-validated trials may stop after their first splits
     * @param splitCount       validation splits per trial
     * @param wantsPredictions whether trials send their validation predictions (for ensembles)
     * @param trainRows        training rows of each validation split (their mean), from which the row rungs of the
     *                         training-fraction fidelity follow ({@link RowRungs#schedule}); 0 for no row rungs
     */
    public record Scoring(Metric metric, boolean prune, int splitCount, boolean wantsPredictions, int trainRows) {
        /** Checks the rows. */
        public Scoring {
            if (trainRows < 0) {
                throw new IllegalArgumentException("training rows per split must be >= 0, but were " + trainRows);
            }
        }

        /** Scoring without row rungs. */
        public Scoring(Metric metric, boolean prune, int splitCount, boolean wantsPredictions) {
            this(metric, prune, splitCount, wantsPredictions, 0);
        }
    }

    private final JointSpace space;
    private final Searcher searcher;
    private final List<Config> initial;
    private final PriorTrials prior;
    private final long seed;
    private final Map<String, Double> relativeCosts;
    private final Metric metric;
    private final Scoring scoring;
    private final TrialRunner runner;
    private final SplitStore splits;
    private final int threadsPerTrial;
    private final RunListener listener;
    private final ToDoubleFunction<TrialResult> refitSeconds;
    private boolean withCosts;
    private List<Config> proposed = List.of();   // the configs of this run's trials by id, as run() adds them
    private int lag = LAG;
    private ObservationWindow window = new ObservationWindow(SHOWN_BEST, SHOWN - SHOWN_BEST);

    /**
     * A search of {@code proposals}, scored as {@code scoring} says, on {@code runner}.
     *
     * @param splits          the store whose keys the trials name
     * @param threadsPerTrial threads each trial's learner may use
     * @param refitSeconds    time to keep at the end for refitting a trial (0 for none)
     */
    public SearchLoop(Proposals proposals, Scoring scoring, TrialRunner runner, SplitStore splits, int threadsPerTrial,
                      RunListener listener, ToDoubleFunction<TrialResult> refitSeconds) {
        this.space = proposals.space();
        this.searcher = proposals.searcher();
        // The same config twice would spend a trial on an answer already known (a portfolio entry can equal a default).
        this.initial = proposals.initial().stream().distinct().toList();
        this.prior = proposals.prior();
        this.seed = proposals.seed();
        this.relativeCosts = proposals.relativeCosts();
        this.metric = scoring.metric();
        this.scoring = scoring;
        this.runner = runner;
        this.splits = splits;
        this.threadsPerTrial = threadsPerTrial;
        this.listener = new GuardedListener(listener);
        this.refitSeconds = refitSeconds;
    }

    /**
     * Runs trials until {@code maxTrials} have been proposed or the time runs out. The prior trials come first: the
     * finished ones keep their outcomes, the unfinished ones run again before anything new is proposed.
     *
     * @param startNanos   when the run started ({@link System#nanoTime()}; for a resumed run, the time spent before
     *                     is already subtracted)
     * @param budgetNanos  the run's whole time budget
     * @param trialLimit   most trials to run
     * @param trialTimeout longest time one trial may take, in nanoseconds
     * @return every trial's result, in trial-id order
     */
    public List<TrialResult> run(long startNanos, long budgetNanos, int trialLimit, long trialTimeout) throws InterruptedException {
        interrupted = false;
        long runEnd = startNanos + budgetNanos;
        int maxTrials = trialLimit;
        // Trial costs are measured times, so a searcher that uses them proposes differently from run to run. Under a
        // max-trials budget time is not what is scarce, and the seed promises the same leaderboard: costs are withheld.
        this.withCosts = trialLimit == Integer.MAX_VALUE;
        this.lag = withCosts ? Math.max(LAG, runner.capacity() - 1) : LAG;
        this.window = new ObservationWindow(SHOWN_BEST, SHOWN - SHOWN_BEST);
        List<Config> configs = new ArrayList<>();
        java.util.Set<Config> tried = new java.util.HashSet<>();   // the configs' set, so proposals are checked in O(1)
        this.proposed = configs;
        List<TrialResult> results = new ArrayList<>();
        Map<Integer, Running> running = new HashMap<>();
        LinkedBlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        TrialResult best = null;
        int finishedPrefix = 0;
        int completed = 0;
        int skippedInitial = 0;   // warm-start configs passed over because they could not finish in time
        java.util.ArrayDeque<Integer> reruns = new java.util.ArrayDeque<>(prior.unfinished());
        for (int i = 0; i < prior.proposed().size(); i++) {
            configs.add(prior.proposed().get(i));
            tried.add(prior.proposed().get(i));
            TrialOutcome o = prior.finished().get(i);
            TrialResult restored = o == null ? null : new TrialResult(new Trial(i, configs.get(i), Seeds.derive(seed, i)), o);
            results.add(restored);
            if (restored != null && restored.completed() != null) {
                completed++;
                best = better(restored, best);
            }
        }
        while (finishedPrefix < results.size() && results.get(finishedPrefix) != null) {
            finishedPrefix++;
        }
        while (true) {
            long now = System.nanoTime();
            int next = configs.size();
            long searchEnd = completed > 0
                    ? runEnd - (long) (Math.min(0.5 * budgetNanos / 1e9, refitSeconds.applyAsDouble(best)) * 1e9)
                    : runEnd - fallbackReserveNanos(budgetNanos);   // then the engine's fallback (issue 14)
            boolean stop = next >= maxTrials || now - searchEnd >= 0;
            // A trial the runner cannot start at once waits there, in submission order: which trial starts next does
            // not change, only when, so the leaderboard stays the same on any number of slots.
            boolean free = running.size() < runner.capacity();
            if (!stop && free && !reruns.isEmpty()) {
                int id = reruns.poll();
                start(new Trial(id, configs.get(id), Seeds.derive(seed, id)), results, searchEnd, trialTimeout, startNanos,
                        running, done);
                continue;
            }
            if (!stop && free && reruns.isEmpty() && finishedPrefix >= next - lag) {
                int at = next + skippedInitial;
                Config config = at < initial.size() ? initial.get(at) : propose(configs, tried, results, next);
                if (config == null) {
                    // Every config of the space has been tried (a small, discrete space): nothing new to learn.
                    maxTrials = next;
                    continue;
                }
                // With row rungs a new trial first fits a sample: what must fit before the search end is that rung.
                double expected = expectedSeconds(results, config.learner(), relativeCosts) * firstRungFraction();
                if (completed > 0 && now + (long) (expected * 1e9) - searchEnd > 0) {
                    if (at < initial.size() && !relativeCosts.isEmpty()) {
                        // A later warm-start config (a cheaper learner's) may still fit: skip this one (issue 16). Only
                        // where costs are given (sparse text), so other searches keep their recorded behaviour.
                        skippedInitial++;
                        listener.info(String.format(java.util.Locale.ROOT, "not starting %s: a trial is expected to take %.1f s, "
                                + "%.1f s are left", config, expected, (searchEnd - now) / 1e9));
                        continue;
                    }
                    // It would be abandoned at the search end: end the search instead of wasting the time.
                    maxTrials = next;
                    continue;
                }
                configs.add(config);
                tried.add(config);
                results.add(null);
                start(new Trial(next, config, Seeds.derive(seed, next)), results, searchEnd, trialTimeout, startNanos,
                        running, done);
                continue;
            }
            if (running.isEmpty()) {
                break;
            }
            // The runner ends every trial by its hard deadline; the search end is when no new trial should start.
            long waitNanos = stop ? TimeUnit.SECONDS.toNanos(1) : Math.max(1, searchEnd - System.nanoTime());
            Integer id;
            try {
                id = done.poll(waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // The caller cancels the run: the trials running are abandoned (recorded as cancelled) and the search
                // ends with what finished, so that the run still returns its best model so far (issue 18).
                interrupted = true;
                running.values().forEach(r -> r.future().cancel(true));
                listener.info(String.format(java.util.Locale.ROOT, "the search was interrupted after %d trials (%d completed); "
                        + "the trials running are cancelled and the best so far is refitted", results.size(), completed));
                running.clear();
                break;
            }
            if (id == null || !running.containsKey(id)) {
                continue;
            }
            Running r = running.remove(id);
            TrialResult result = new TrialResult(r.trial(), outcome(r));
            results.set(result.trial().id(), result);
            TrialResult before = best;
            if (result.completed() != null) {
                completed++;
                best = better(result, best);
            }
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            listener.trialFinished(result, best, elapsed);
            if (best != before) {
                listener.newBest(best, elapsed);
            }
            while (finishedPrefix < results.size() && results.get(finishedPrefix) != null) {
                finishedPrefix++;
            }
        }
        // Unfinished prior trials that the budget left no time to run again.
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, new TrialResult(new Trial(i, configs.get(i), Seeds.derive(seed, i)), new TrialOutcome.Cancelled()));
            }
        }
        return List.copyOf(results);
    }

    /**
     * Time kept at the end of a search in which no trial completed, for the engine's fallback fit (a cheap learner's
     * defaults on a sample; see {@code Fallback}): a tenth of the budget, between 0.2 s and 2 s. The search used to
     * run on past the budget until a trial completed; the budget now bounds the whole run (issue 14).
     */
    static long fallbackReserveNanos(long budgetNanos) {
        return Math.max(200_000_000L, Math.min(2_000_000_000L, budgetNanos / 10));
    }

    private void start(Trial trial, List<TrialResult> results, long searchEnd, long trialTimeout, long startNanos,
                       Map<Integer, Running> running, LinkedBlockingQueue<Integer> done) {
        Config config = trial.config();
        TrialTask task = new TrialTask(trial.id(), config, trial.seed(), splits.keyFor(config), metric.id(),
                new TrialTask.Deadline(searchEnd, trialTimeout, HARD_GRACE_NANOS), pruning(results, trial.id()), threadsPerTrial,
                scoring.wantsPredictions(), rowRungs(results, trial.id(), config.learner()));
        long now = System.nanoTime();
        listener.trialStarted(trial, (now - startNanos) / 1e9);
        CompletableFuture<TrialOutcome> future;
        try {
            future = runner.submit(task);
        } catch (RuntimeException e) {
            // A runner that throws instead of failing the trial's future breaks its contract; the trial fails, not the run.
            future = CompletableFuture.failedFuture(e);
        }
        running.put(trial.id(), new Running(trial, future, now));
        future.whenComplete((r, e) -> done.add(trial.id()));
    }

    /** The better of two trials by loss, the earlier one on a tie; {@code best} may be null. */
    private TrialResult better(TrialResult result, TrialResult best) {
        if (best == null) {
            return result;
        }
        double a = metric.loss(result.completed().score());
        double b = metric.loss(best.completed().score());
        return a < b || (a == b && result.trial().id() < best.trial().id()) ? result : best;
    }

    /**
     * The expected wall time of a trial of {@code learner}: the median of its completed trials; before it has one, the
     * median of the completed trials of learners at most half as costly, scaled by the ratio of relative costs, where
     * {@code costs} knows both (so a costly learner's first trial is not started when it cannot finish); else 0.
     * Relative costs are coarse (the first trials also pay for starting worker processes), so learners of similar cost
     * are not judged by each other.
     */
    static double expectedSeconds(List<TrialResult> results, String learner, Map<String, Double> costs) {
        double own = typicalSeconds(results, learner);
        Double cost = costs.get(learner);
        if (own > 0 || cost == null) {
            return own;
        }
        List<Double> scaled = new ArrayList<>();
        for (TrialResult r : results) {
            Double other = r == null || r.completed() == null ? null : costs.get(r.trial().config().learner());
            if (other != null && other > 0 && other <= cost / 2) {
                scaled.add(r.completed().fitSeconds() * cost / other);
            }
        }
        if (scaled.isEmpty()) {
            return 0;
        }
        scaled.sort(null);
        return scaled.get(scaled.size() / 2);
    }

    /** The fraction of the training rows a new trial fits first: that of its first row rung, or 1 without rungs. */
    private double firstRungFraction() {
        if (scoring.trainRows() == 0) {
            return 1;
        }
        List<Integer> rungs = RowRungs.schedule(scoring.trainRows());
        return (double) rungs.get(0) / rungs.get(rungs.size() - 1);
    }

    /** Median wall time of the completed trials of {@code learner}, or 0 if none completed yet. */
    private static double typicalSeconds(List<TrialResult> results, String learner) {
        List<Double> seconds = new ArrayList<>();
        for (TrialResult r : results) {
            if (r != null && r.completed() != null && r.trial().config().learner().equals(learner)) {
                seconds.add(r.completed().fitSeconds());
            }
        }
        if (seconds.isEmpty()) {
            return 0;
        }
        seconds.sort(null);
        return seconds.get(seconds.size() / 2);
    }

    /**
     * The pruning rule of trial {@code next}: from the trials its proposal could see, completed or pruned (each counts
     * at the rungs it reached, so the quantiles are not of the survivors only).
     */
    private Pruning pruning(List<TrialResult> results, int next) {
        if (!scoring.prune() || scoring.splitCount() < 2) {
            return Pruning.NONE;
        }
        List<double[]> visible = new ArrayList<>();
        for (int i = 0; i < Math.max(0, next - lag); i++) {
            TrialOutcome o = results.get(i).outcome();
            // A trial stopped at a row rung was scored on a sample: its split scores are not comparable.
            List<Double> scores = o instanceof TrialOutcome.Completed c ? c.splitScores()
                    : o instanceof TrialOutcome.Pruned p && !p.atRowRung() ? p.splitScores() : List.of();
            if (!scores.isEmpty()) {
                visible.add(scores.stream().mapToDouble(metric::loss).toArray());
            }
        }
        return Pruning.from(visible, scoring.splitCount());
    }

    /**
     * The row rungs of trial {@code next} of {@code learner}: from the rung losses of the trials of the same learner
     * (learning curves of different model families cross, as a linear model beats boosted trees on a small sample and
     * loses on all rows; FLAML likewise grows each learner's sample size on its own) that its proposal could see under a max-trials
     * budget (so that, as with {@link #pruning}, which trials go on does not depend on the order trials finish in);
     * under a time budget, where no such promise holds, from every trial finished so far, so that the first trials on a
     * large table stop at a sample as soon as there is something to compare with. None when the splits train on too
     * few rows for a second rung.
     */
    private RowRungs rowRungs(List<TrialResult> results, int next, String learner) {
        if (scoring.trainRows() == 0) {
            return RowRungs.NONE;
        }
        List<double[]> visible = new ArrayList<>();
        int seen = withCosts ? Math.min(next, results.size()) : Math.max(0, next - lag);
        boolean earlierPending = false;
        for (int i = 0; i < Math.min(next, results.size()); i++) {
            if (!proposed.get(i).learner().equals(learner)) {
                continue;
            }
            TrialResult r = results.get(i);
            if (r == null || i >= seen) {
                earlierPending = true;   // running, or not yet visible to this trial
                continue;
            }
            TrialOutcome o = r.outcome();
            List<Double> scores = o instanceof TrialOutcome.Completed c ? c.rungScores()
                    : o instanceof TrialOutcome.Pruned p ? p.rungScores() : List.of();
            if (!scores.isEmpty()) {
                visible.add(scores.stream().mapToDouble(metric::loss).toArray());
            }
        }
        return RowRungs.from(scoring.trainRows(), visible, earlierPending);
    }

    /**
     * The config of trial {@code next}: the searcher's proposal if it is in the space and new to this run; else the
     * searcher asked again with the repeat as pending; else a random draw from the space. Null if no new config was
     * found, which ends the search. A searcher that throws is reported and replaced by random draws for this trial: a
     * broken searcher costs search quality, never the run.
     */
    private Config propose(List<Config> configs, java.util.Set<Config> tried, List<TrialResult> results, int next) {
        int seen = Math.max(0, next - lag);
        // seen only grows during a run: the window takes each trial once, when it becomes visible
        for (int i = window.size(); i < seen; i++) {
            TrialResult r = results.get(i);
            // A pruned trial tells the searcher its loss at the fidelity it reached.
            double loss = r.completed() != null ? metric.loss(r.completed().score())
                    : r.outcome() instanceof TrialOutcome.Pruned p ? metric.loss(p.partialScore()) : Double.NaN;
            window.add(new Observation(configs.get(i), loss, withCosts ? seconds(r.outcome()) : Double.NaN));
        }
        List<Observation> observed = window.view();
        List<Config> pending = new ArrayList<>(configs.subList(seen, next));
        for (int attempt = 0; attempt <= REPROPOSALS; attempt++) {
            Config proposal;
            try {
                List<Config> proposed = searcher.propose(new SearchHistory(space, observed, List.copyOf(pending), seed), 1);
                proposal = proposed.isEmpty() ? null : proposed.get(0);
            } catch (RuntimeException e) {
                listener.info("searcher '" + searcher.id() + "' failed to propose trial " + next + " (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "); a random config from the space is tried instead");
                break;
            }
            if (proposal == null || !space.contains(proposal)) {
                listener.info("searcher '" + searcher.id() + "' proposed a config outside the space for trial " + next + " ("
                        + proposal + "); a random config from the space is tried instead");
                break;
            }
            if (!tried.contains(proposal)) {
                return proposal;
            }
            pending.add(proposal);
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(seed, next), 1));
        for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
            Config c = space.sample(random);
            if (!tried.contains(c)) {
                return c;
            }
        }
        return null;
    }

    private static double seconds(TrialOutcome o) {
        if (o instanceof TrialOutcome.Completed c) {
            return c.fitSeconds();
        }
        if (o instanceof TrialOutcome.Failed f) {
            return f.seconds();
        }
        if (o instanceof TrialOutcome.Pruned p) {
            return p.seconds();
        }
        if (o instanceof TrialOutcome.OutOfMemory m) {
            return m.seconds();
        }
        if (o instanceof TrialOutcome.Crashed c) {
            return c.seconds();
        }
        return o instanceof TrialOutcome.TimedOut t ? t.seconds() : Double.NaN;
    }

    /** The outcome {@code r}'s runner reported; a runner that broke its contract and threw fails the trial. */
    private static TrialOutcome outcome(Running r) {
        try {
            return r.future().join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new TrialOutcome.Failed("trial " + r.trial().id() + " (" + r.trial().config() + ") failed: "
                    + cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replace('\n', ' '),
                    (System.nanoTime() - r.startNanos()) / 1e9);
        }
    }

    /**
     * Whether the last {@link #run} ended because its thread was interrupted (the interrupt is consumed: the caller
     * decides when to set it again, after the work that must not be interrupted).
     */
    public boolean interrupted() {
        return interrupted;
    }

    private boolean interrupted;

    private record Running(Trial trial, CompletableFuture<TrialOutcome> future, long startNanos) {
    }
}
