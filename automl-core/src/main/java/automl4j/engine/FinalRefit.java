package automl4j.engine;

import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.ensemble.EnsembleBuilder;
import automl4j.ensemble.StackBuilder;
import automl4j.pipeline.Pipeline;

import automl4j.learn.Learner;
import automl4j.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The last stage of a fit whose search completed a trial: refits on all rows either the ensemble of the finished
 * trials, when one beats the best single trial, or the best single trial's config, by the budget's end plus half the
 * grace.
 */
final class FinalRefit {
    private final RunContext run;
    private final Problem problem;
    private final Featurized featurized;
    private final Map<String, Learner> learners;
    private final Searched searched;
    private final long refitStart;
    private final long deadline;
    private final Refitter refitter;
    /** The model's info; an ensemble refit that fails leaves its entries to the single refit after it, as before. */
    private final Map<String, String> info;
    private final ThresholdChoice thresholds;

    /** Starts the refit clock of a run whose search stage ended as {@code searched}. */
    FinalRefit(RunContext run, Problem problem, Featurized featurized, Candidates candidates, Searched searched) {
        this.run = run;
        this.problem = problem;
        this.featurized = featurized;
        this.learners = candidates.learners();
        this.searched = searched;
        this.refitStart = System.nanoTime();
        // Fits that train in rounds stop at this deadline; half the grace is left for a member that cannot be stopped
        // and for assembling the model, so the run ends within the budget plus the grace.
        this.deadline = Math.max(run.end(), refitStart) + run.grace() / 2;
        this.refitter = new Refitter(problem, featurized, run.settings().executor().cores(), deadline);
        this.info = problem.info();
        this.thresholds = new ThresholdChoice(problem, run.settings().costRatio(), searched.pool(), run.listener());
    }

    /**
     * The run with the ensemble of the finished trials as its model, if the run ensembles, an ensemble is chosen in
     * the time left, it scores at least as well as {@code board}'s best trial (a tie goes to the ensemble: at equal
     * validation scores an average generalizes better than one model), and its refit succeeds; else empty.
     */
    Optional<EngineResult> ensemble(Leaderboard board) {
        if (!run.ensemble() || searched.pool().entries().size() <= 1) {
            return Optional.empty();
        }
        Metric metric = problem.metric();
        double secondsLeft = run.secondsLeft();
        EnsembleBuilder builder = new EnsembleBuilder(featurized.splits(), metric, problem.task(), run.settings().ensembleRounds());
        long selectionDeadline = System.nanoTime() + (long) (Math.max(0.2, 0.25 * Math.max(0, secondsLeft)) * 1e9);
        double secondsForRefit = Math.max(0, secondsLeft) + run.grace() / 2e9;
        Optional<EnsembleBuilder.Plan> chosen;
        try {
            chosen = builder.build(searched.pool().entries(), searched.results(), searched.costs()::estimate,
                    secondsForRefit, run.settings().seed(), selectionDeadline);
        } catch (RuntimeException e) {
            // Selection is bookkeeping over finished trials: a failure there costs the ensemble, never the run.
            run.listener().info("selecting the ensemble failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); using the best single trial");
            chosen = Optional.empty();
        }
        Optional<EnsembleBuilder.Plan> stack = run.settings().stacking() ? stacked(secondsForRefit) : Optional.empty();
        // The better ensemble first; the other stands in if the first one's refit fails (a stacked model cannot leave
        // out a member whose refit would overrun, a selected average can).
        List<EnsembleBuilder.Plan> plans = new ArrayList<>();
        better(chosen, stack).ifPresent(plans::add);
        chosen.filter(p -> !plans.contains(p)).ifPresent(plans::add);
        stack.filter(p -> !plans.contains(p)).ifPresent(plans::add);
        double bestSingle = metric.loss(board.best().orElseThrow().completed().score());
        for (EnsembleBuilder.Plan plan : plans) {
            if (!(metric.loss(plan.row().completed().score()) <= bestSingle)) {
                continue;
            }
            try {
                return Optional.of(refit(plan));
            } catch (RuntimeException e) {
                run.listener().info("refitting the " + (plan.stack() != null ? "stacked " : "") + "ensemble failed ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); "
                        + (plan == plans.get(plans.size() - 1) ? "using the best single trial" : "trying the other ensemble"));
            }
        }
        return Optional.empty();
    }

    /** The stacked ensemble of the kept trials, or empty if none was found or fitting it failed (which is reported). */
    private Optional<EnsembleBuilder.Plan> stacked(double secondsForRefit) {
        try {
            List<int[]> validRows = problem.plan().splits().stream().map(automl4j.data.ValidationPlan.Split::valid).toList();
            return new StackBuilder(featurized.splits(), validRows, problem.metric(), problem.task())
                    .build(searched.pool().entries(), searched.results(), searched.costs()::estimate, secondsForRefit, run.settings().seed());
        } catch (RuntimeException e) {
            run.listener().info("fitting the stacked ensemble failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); it is left out");
            return Optional.empty();
        }
    }

    /** The better of two ensembles by validation loss; on a tie the first (the selected average, the simpler model). */
    private Optional<EnsembleBuilder.Plan> better(Optional<EnsembleBuilder.Plan> a, Optional<EnsembleBuilder.Plan> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        Metric metric = problem.metric();
        return metric.loss(b.get().row().completed().score()) < metric.loss(a.get().row().completed().score()) ? b : a;
    }

    /** Refits the members of {@code ens} that fit in the time left (the heaviest always) and assembles the run. */
    private EngineResult refit(EnsembleBuilder.Plan ens) {
        List<Pipeline.Member> members = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        double keptWeight = 0;
        for (int m = 0; m < ens.members().size(); m++) {
            TrialResult member = ens.members().get(m);
            // Members come heaviest first; one whose refit would end past the deadline is left out rather
            // than overrun the budget (the estimates are generous; refits on a busy machine are not).
            if (m > 0 && System.nanoTime() + (long) (searched.costs().expected(member) * 1e9) - deadline > 0) {
                if (ens.stack() != null) {
                    // A level-2 model is fitted on exactly its members: without one of them it would predict nonsense.
                    throw new IllegalStateException("the budget ran out before member " + member.trial().id()
                            + " of the stacked ensemble was refitted");
                }
                dropped.add(member.trial().id());
                continue;
            }
            Refitter.Fitted f = refitter.refit(member, learners.get(member.trial().config().learner()),
                    searched.costs().expected(member));
            run.listener().info(refitLine(member, f, searched.costs().estimate(member)));
            members.add(new Pipeline.Member(f.transform(), f.model(), f.config(), ens.weights().get(m)));
            keptWeight += ens.weights().get(m);
        }
        if (!dropped.isEmpty()) {
            members = reweighted(members, keptWeight);
            info.put("ensemble_members_left_out", dropped.toString());
            run.listener().info(String.format(Locale.ROOT, "the budget ran out while refitting the ensemble: members %s "
                    + "are left out and the other weights scaled to sum to one", dropped));
        }
        List<TrialResult> withEnsemble = new ArrayList<>(searched.results());
        withEnsemble.add(ens.row());
        info.put("validation_score", Double.toString(ens.row().completed().score()));
        info.put("trial", Integer.toString(ens.row().trial().id()));
        Pipeline best = new Pipeline(problem.target(), members, ens.row().trial().config(), info, ens.stack());
        if (ens.stack() == null && dropped.isEmpty()) {
            best = thresholds.apply(best, ens.members().stream().map(m -> m.trial().id()).toList(), ens.weights());
        } else {
            best = thresholds.apply(best, List.of(), List.of());
        }
        long end = System.nanoTime();
        return new EngineResult(new Leaderboard(problem.metric(), withEnsemble), best, ens.row(), problem.plan().description(),
                featurized.report(), (end - run.start()) / 1e9, (end - refitStart) / 1e9);
    }

    /**
     * The run with the best single trial's config refitted as its model: the first of {@link Engine#refitOrder} whose
     * refit succeeds, trying at most three.
     *
     * @throws NoModelException if three refits (or all there are) failed
     */
    EngineResult bestSingle(Leaderboard board) {
        RefitCosts costs = searched.costs();
        List<String> refitFailures = new ArrayList<>();
        for (TrialResult candidate : Engine.refitOrder(board, run.secondsLeft(), run.grace() / 2e9, costs.scale(), costs.featurizeSeconds())) {
            if (refitFailures.size() >= 3) {
                break;
            }
            TrialResult first = board.best().orElseThrow();
            if (candidate != first && refitFailures.isEmpty()) {
                run.listener().info(String.format(Locale.ROOT, "trial %d ranks first, but its refit (about %.1f s) would overrun the "
                        + "budget; refitting trial %d instead", first.trial().id(), costs.estimate(first), candidate.trial().id()));
            }
            try {
                Refitter.Fitted f = refitter.refit(candidate, learners.get(candidate.trial().config().learner()), costs.expected(candidate));
                run.listener().info(refitLine(candidate, f, costs.estimate(candidate)));
                info.put("validation_score", Double.toString(candidate.completed().score()));
                info.put("trial", Integer.toString(candidate.trial().id()));
                Pipeline best = thresholds.apply(new Pipeline(problem.target(), f.transform(), f.model(), f.config(), info),
                        List.of(candidate.trial().id()), List.of(1.0));
                long end = System.nanoTime();
                return new EngineResult(board, best, candidate, problem.plan().description(), featurized.report(),
                        (end - run.start()) / 1e9, (end - refitStart) / 1e9);
            } catch (RuntimeException e) {
                refitFailures.add("refit of trial " + candidate.trial().id() + " (" + candidate.trial().config() + ") failed: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                run.listener().info(refitFailures.get(refitFailures.size() - 1));
            }
        }
        throw new NoModelException("the final refit failed: " + String.join("; ", refitFailures));
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
}
