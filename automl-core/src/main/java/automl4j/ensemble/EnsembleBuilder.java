package automl4j.ensemble;

import automl4j.data.Task;
import automl4j.execute.PreparedSplit;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metric;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Chooses an ensemble of finished trials by greedy selection over their kept validation predictions, scored exactly
 * as single trials are (the metric on each validation split, averaged), and within what is left of the budget for
 * refitting its members.
 */
public final class EnsembleBuilder {
    /** Learner id of the leaderboard row that stands for an ensemble. */
    static final String ENSEMBLE = "ensemble";

    private final Metric metric;
    private final EnsembleSelection selection;
    private final SplitScores splitScores;

    public EnsembleBuilder(List<PreparedSplit> splits, Metric metric, Task task, int rounds) {
        this.metric = metric;
        this.selection = new EnsembleSelection(rounds);
        this.splitScores = new SplitScores(splits, metric, task);
    }

    /**
     * A chosen ensemble.
     *
     * @param members the member trials, heaviest first
     * @param weights their weights, summing to one
     * @param row     its leaderboard row
     * @param stack   the level-2 model that combines the members, or null for their weighted average
     */
    public record Plan(List<TrialResult> members, List<Double> weights, TrialResult row, automl4j.pipeline.Stack stack) {
        /** Copies the lists. */
        public Plan {
            members = List.copyOf(members);
            weights = List.copyOf(weights);
        }
    }

    /**
     * The ensemble over {@code pool}, or empty if selection keeps a single trial. Members whose refits are expected to
     * take longer than {@code secondsForRefit} together are left out, lightest first, and the rest reselected.
     *
     * <p>Only entries whose trial's final result is {@link TrialOutcome.Completed} are candidates: an in-process fit
     * abandoned at the search end (listed as cancelled or timed out) keeps running and can still hand its validation
     * predictions to the pool afterwards, and such a trial has no fit time to plan its refit with (issue 14).
     *
     * @param results      every trial's result, by id
     * @param refitSeconds the expected refit time of a trial
     * @param deadline     {@link System#nanoTime()} by which selection stops adding rounds
     */
    public Optional<Plan> build(List<ValidationPool.Entry> pool, List<TrialResult> results, ToDoubleFunction<TrialResult> refitSeconds,
                                double secondsForRefit, long seed, long deadline) {
        List<ValidationPool.Entry> candidates = new ArrayList<>(completedEntries(pool, results));
        while (candidates.size() > 1) {
            EnsembleSelection.Result result = selection.select(candidates.stream().map(ValidationPool.Entry::predictions).toList(),
                    this::loss, deadline);
            List<Integer> chosen = new ArrayList<>(result.members());
            if (chosen.size() < 2) {
                return Optional.empty();
            }
            double[] w = result.weights();
            chosen.sort(Comparator.comparingDouble((Integer c) -> -w[c]).thenComparingInt(c -> c));
            double seconds = chosen.stream().mapToDouble(c -> refitSeconds.applyAsDouble(results.get(candidates.get(c).trialId()))).sum();
            if (seconds > secondsForRefit) {
                candidates.remove((int) chosen.get(chosen.size() - 1));
                continue;
            }
            List<TrialResult> members = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int c : chosen) {
                members.add(results.get(candidates.get(c).trialId()));
                weights.add(w[c]);
            }
            return Optional.of(new Plan(members, weights, row(members, weights, candidates, chosen, w, results.size(), seed), null));
        }
        return Optional.empty();
    }

    /** The entries of {@code pool} whose trials completed, by their final results in {@code results}. */
    static List<ValidationPool.Entry> completedEntries(List<ValidationPool.Entry> pool, List<TrialResult> results) {
        return pool.stream().filter(e -> e.trialId() >= 0 && e.trialId() < results.size()
                && results.get(e.trialId()) != null && results.get(e.trialId()).completed() != null).toList();
    }

    private TrialResult row(List<TrialResult> members, List<Double> weights, List<ValidationPool.Entry> candidates,
                            List<Integer> chosen, double[] w, int id, long seed) {
        int length = candidates.get(0).predictions().length;
        double[] blend = new double[length];
        for (int c : chosen) {
            float[] p = candidates.get(c).predictions();
            for (int i = 0; i < length; i++) {
                blend[i] += w[c] * p[i];
            }
        }
        return row(members, weights, splitScores(blend), id, seed, Map.of());
    }

    /**
     * The leaderboard row of an ensemble of {@code members} with {@code weights} that scored {@code scores} on the
     * validation splits; its config names the members and adds {@code values}.
     */
    static TrialResult row(List<TrialResult> members, List<Double> weights, double[] scores, int id, long seed, Map<String, Object> values) {
        double mean = java.util.Arrays.stream(scores).average().orElse(Double.NaN);
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double std = scores.length > 1 ? Math.sqrt(var / (scores.length - 1)) : 0;
        double fit = 0;
        double predict = 0;
        Map<String, Boolean> devices = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (int m = 0; m < members.size(); m++) {
            TrialOutcome.Completed c = members.get(m).completed();
            fit += c.fitSeconds();
            predict += c.predictMicrosPerRow();
            devices.put(c.device(), true);
            text.append(m == 0 ? "" : " ").append(String.format(Locale.ROOT, "%d:%.2f", members.get(m).trial().id(), weights.get(m)));
        }
        Map<String, Object> config = new TreeMap<>(values);
        config.put("members", text.toString());
        Trial trial = new Trial(id, Config.of(ENSEMBLE, config), seed);
        return new TrialResult(trial, new TrialOutcome.Completed(mean, std, fit, predict, String.join("+", devices.keySet()),
                Map.of(), java.util.Arrays.stream(scores).boxed().toList()));
    }

    private double loss(double[] blend) {
        return metric.loss(java.util.Arrays.stream(splitScores(blend)).average().orElse(Double.NaN));
    }

    private double[] splitScores(double[] blend) {
        return splitScores.of(blend);
    }
}
