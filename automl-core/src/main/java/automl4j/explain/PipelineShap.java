package automl4j.explain;

import automl4j.data.Classification;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Predictions;
import automl4j.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/**
 * SHAP values of a fitted pipeline's predictions, per raw input column and, where exact, per engineered feature.
 *
 * <ul>
 *   <li>A single model that computes exact values ({@link ExactShap}: trees, linear models) is explained exactly over
 *       its features, in its own output space ({@link ShapValues#space()}: log-odds, softmax margins, probabilities or
 *       the value), and the values of each column's features are summed into the column's (SHAP values add).</li>
 *   <li>Anything else (k-NN, an ensemble, a stack, a featurizer that does not name its features' columns) is
 *       explained over the raw columns by {@link SamplingShap}, in the pipeline's own output space: class
 *       probabilities or the value. An ensemble is explained as one model, so its values are in the space its
 *       predictions are averaged in; its members' exact values, in log-odds for some, would not add up to it.</li>
 * </ul>
 */
public final class PipelineShap {
    /** Most background rows used: enough for stable means and covers, few enough to keep sampling cheap. */
    public static final int MAX_BACKGROUND = 100;

    private final int pairs;
    private final long seed;

    /**
     * An explainer that draws {@code pairs} antithetic pairs of column orders per row when it has to sample.
     *
     * @throws IllegalArgumentException if {@code pairs < 1}
     */
    public PipelineShap(int pairs, long seed) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be >= 1, but was " + pairs);
        }
        this.pairs = pairs;
        this.seed = seed;
    }

    /**
     * The values of a pipeline.
     *
     * @param columns  per raw input column
     * @param features per engineered feature, when computed exactly; null when sampled over the columns
     * @param method   how they were computed, in words
     */
    public record Explained(ShapValues columns, ShapValues features, String method) {
        public Explained {
            Objects.requireNonNull(columns, "columns");
            Objects.requireNonNull(method, "method");
        }
    }

    /**
     * SHAP values of {@code pipeline} for {@code rows}, with {@code background} (training rows; at most
     * {@value #MAX_BACKGROUND}, a seeded sample, are used) standing for the data.
     *
     * @throws IllegalArgumentException if {@code background} is empty or an input column is missing
     */
    public Explained explain(Pipeline pipeline, Table rows, Table background) {
        if (background.rowCount() == 0) {
            throw new IllegalArgumentException("the background needs at least one row");
        }
        Table sample = sample(background);
        if (pipeline.members().size() == 1 && pipeline.stack().isEmpty()
                && pipeline.model() instanceof ExactShap exact && sources(pipeline.transform()) != null) {
            FittedTransform transform = pipeline.transform();
            FeatureMatrix x = transform.transform(rows, null);
            ShapValues features;
            try {
                features = exact.shap(x, transform.transform(sample, null));
            } catch (IllegalStateException e) {
                // The model cannot explain itself exactly after all (a LightGBM model text without node counts): the
                // sampling estimator below still can.
                return sampled(pipeline, rows, sample, " (exact values failed: " + e.getMessage() + ")");
            }
            List<String> sources = sources(transform);
            Map<String, Integer> group = new LinkedHashMap<>();
            for (String c : transform.inputColumns()) {
                group.put(c, group.size());
            }
            int[] groupOf = new int[sources.size()];
            for (int f = 0; f < groupOf.length; f++) {
                groupOf[f] = group.computeIfAbsent(sources.get(f), c -> group.size());
            }
            ShapValues columns = features.grouped(List.copyOf(group.keySet()), groupOf);
            return new Explained(columns, features, "exact (" + pipeline.config().learner() + ", " + features.space()
                    + "), summed from " + features.features().size() + " features into " + columns.features().size() + " columns");
        }
        return sampled(pipeline, rows, sample, "");
    }

    private Explained sampled(Pipeline pipeline, Table rows, Table sample, String why) {
        LinkedHashSet<String> inputs = new LinkedHashSet<>();
        for (Pipeline.Member m : pipeline.members()) {
            inputs.addAll(m.transform().inputColumns());
        }
        boolean classification = pipeline.target().task() instanceof Classification;
        List<String> outputs = classification ? pipeline.target().classes() : List.of("value");
        ShapValues columns = new SamplingShap(pairs, seed).explain(t -> outputs(pipeline.predict(t), classification),
                outputs, classification ? "probability" : "value", rows, sample, new ArrayList<>(inputs));
        return new Explained(columns, null, "sampled (" + 2 * pairs + " column orders per row over " + sample.rowCount()
                + " background rows), " + (classification ? "probability" : "value") + " space" + why);
    }

    private static List<String> sources(FittedTransform transform) {
        try {
            return transform.featureSources();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private Table sample(Table background) {
        if (background.rowCount() <= MAX_BACKGROUND) {
            return background;
        }
        return background.rows(automl4j.internal.Permutations.sample(background.rowCount(), MAX_BACKGROUND,
                new SplittableRandom(seed ^ 0x5DEECE66DL)));
    }

    private static double[][] outputs(Predictions p, boolean classification) {
        double[][] out = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            out[i] = classification ? p.probabilities(i) : new double[] {p.value(i)};
        }
        return out;
    }
}
