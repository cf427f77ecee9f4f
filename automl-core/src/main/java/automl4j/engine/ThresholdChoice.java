package automl4j.engine;

import automl4j.data.Classification;
import automl4j.data.ValidationPlan;
import automl4j.ensemble.ValidationPool;
import automl4j.learn.Labels;
import automl4j.metric.Metric;
import automl4j.metric.ThresholdSearch;
import automl4j.pipeline.DecisionThreshold;
import automl4j.pipeline.Pipeline;
import automl4j.searchloop.RunListener;
import java.util.List;
import java.util.Optional;

/**
 * Gives a binary run's exported pipeline a decision threshold when the run asks for one (a cost ratio is set, or the
 * metric {@link Metric#usesDecisionThreshold() uses one}), chosen on the chosen model's validation predictions as the
 * search kept them: the trial's own, or the weighted sum of an averaged ensemble's members'. A stacked ensemble, or a
 * model whose predictions were not kept, keeps 0.5, which is reported.
 */
final class ThresholdChoice {
    private final Problem problem;
    private final Double costRatio;
    private final ValidationPool pool;
    private final RunListener listener;

    ThresholdChoice(Problem problem, Double costRatio, ValidationPool pool, RunListener listener) {
        this.problem = problem;
        this.costRatio = costRatio;
        this.pool = pool;
        this.listener = listener;
    }

    /** Whether {@code problem} wants a decision threshold: binary, with a cost ratio or a metric that uses one. */
    static boolean wanted(Problem problem, Double costRatio) {
        return problem.target().task() instanceof Classification c && c.classes().size() == 2
                && (costRatio != null || problem.metric().usesDecisionThreshold());
    }

    /**
     * {@code pipeline} with the threshold chosen on the validation predictions of the trials {@code ids} averaged with
     * {@code weights}; {@code pipeline} itself when no threshold is wanted or the predictions are missing (an empty
     * {@code ids}).
     */
    Pipeline apply(Pipeline pipeline, List<Integer> ids, List<Double> weights) {
        if (!wanted(problem, costRatio)) {
            return pipeline;
        }
        Optional<double[]> p1 = positiveProbabilities(ids, weights);
        if (p1.isEmpty()) {
            listener.info("no validation predictions of the chosen model were kept (a stacked ensemble, or one that lost a "
                    + "member); its labels are the more probable class (threshold 0.5)");
            return pipeline;
        }
        Labels truth = Labels.of(validationTruth());
        ThresholdSearch.Choice c = costRatio != null ? ThresholdSearch.forCost(truth, p1.get(), costRatio)
                : ThresholdSearch.forMetric(problem.target().task(), truth, p1.get(), problem.metric());
        String chosenFor = c.describe() + " on the validation predictions";
        listener.info("decision threshold " + String.format(java.util.Locale.ROOT, "%.4g", c.threshold()) + " for class '"
                + problem.target().classes().get(1) + "': " + chosenFor);
        return c.threshold() == 0.5 ? pipeline : pipeline.withDecision(new DecisionThreshold(c.threshold(), chosenFor));
    }

    /** The probabilities of the second class of the weighted members, row by row of {@link #validationTruth()}. */
    private Optional<double[]> positiveProbabilities(List<Integer> ids, List<Double> weights) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<ValidationPool.Entry> entries = pool.entries();
        double[] p1 = null;
        for (int m = 0; m < ids.size(); m++) {
            int id = ids.get(m);
            Optional<ValidationPool.Entry> e = entries.stream().filter(x -> x.trialId() == id).findFirst();
            if (e.isEmpty()) {
                return Optional.empty();
            }
            float[] flat = e.get().predictions();
            if (p1 == null) {
                p1 = new double[flat.length / 2];
            }
            for (int i = 0; i < p1.length; i++) {
                p1[i] += weights.get(m) * flat[2 * i + 1];
            }
        }
        return Optional.ofNullable(p1);
    }

    /** The encoded targets of the validation rows of every split in turn: the order the kept predictions are in. */
    private double[] validationTruth() {
        double[] y = problem.y();
        int n = problem.plan().splits().stream().mapToInt(s -> s.valid().length).sum();
        double[] out = new double[n];
        int at = 0;
        for (ValidationPlan.Split s : problem.plan().splits()) {
            for (int p : s.valid()) {
                out[at++] = y[p];
            }
        }
        return out;
    }
}
