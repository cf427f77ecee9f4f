package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.DataShape;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * k-nearest neighbours ({@code smile-knn}) for every task: the k training rows nearest in Euclidean distance (found
 * by our exact scan of all rows, {@link NearestRows}) vote for a class or average their target, uniformly or weighted
 * by inverse distance. It needs scaled features, which the featurizer gives by default; its errors differ from the
 * trees', which is what an ensemble needs. Smile's own KNN classifier has no regression and no distance weights, so
 * the vote is ours; the search is ours too, with a simple tie rule that the scoring module (which may not use Smile, a
 * GPL-3.0 library) repeats. The id keeps its name so that runs and model files stay readable.
 * Fitting only stores the rows; the cost is in prediction, which grows with training rows times predicted rows.
 */
public final class SmileKnnLearner implements Learner {
    /** Neighbours of the default config, as scikit-learn's default. */
    static final int DEFAULT_K = 5;
    /** The most multiply-adds of distances a trial may take before the learner is left out of a run. */
    static final long MAX_DISTANCE_TERMS = 2_000_000_000L;
    /** Neighbours that vote. */
    public static final IntParam N_NEIGHBORS = new IntParam("n_neighbors", 1, 100, true);
    /** How neighbours vote: {@code uniform}, or weighted by inverse {@code distance}. */
    public static final ChoiceParam WEIGHTS = new ChoiceParam("weights", List.of(KnnModel.UNIFORM, KnnModel.DISTANCE));

    /** The learner. */
    public SmileKnnLearner() {
    }

    @Override
    public String id() {
        return "smile-knn";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(N_NEIGHBORS, WEIGHTS);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(N_NEIGHBORS, DEFAULT_K).with(WEIGHTS, KnnModel.UNIFORM).build();
    }

    /** Cheap to fit, but each validation row is compared with every training row. */
    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(1.5);
    }

    /**
     * Unsuited when the scan would compare the
     * validation rows (a quarter as many as the training rows, under 5-fold cross-validation or an 80/20 holdout) with
     * every training row in more than {@value #MAX_DISTANCE_TERMS} multiply-adds: over a few seconds a trial on one
     * core, in a budget meant for many trials. Narrow data is bounded too: up to 10 features were once Smile's
     * KD-tree, which pruned, and were never left out; every width is the same scan now.
     */
    @Override
    public Optional<String> unsuitedTo(DataShape shape) {
        long terms = (long) shape.rows() * (shape.rows() / 4) * shape.columns();
        if (terms <= MAX_DISTANCE_TERMS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "a linear scan of %,d training rows for each of about %,d validation rows "
                + "over %d features takes %.1e multiply-adds per trial (at most %.0e)", shape.rows(), shape.rows() / 4,
                shape.columns(), (double) terms, (double) MAX_DISTANCE_TERMS));
    }

    /** The stored rows as floats; the estimate kept from when Smile's search also held a copy as doubles. */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        return 4 * shape.denseBytes() + (1L << 20);
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        var x = data.features();
        if (x.rows() == 0) {
            throw new IllegalArgumentException("smile-knn needs at least one training row");
        }
        return new KnnModel(data.target(), x.toArray(), x.rows(), x.columns(), data.labels().toArray(),
                config.get(N_NEIGHBORS), config.get(WEIGHTS));
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return KnnModel.load(artifact);
    }
}
