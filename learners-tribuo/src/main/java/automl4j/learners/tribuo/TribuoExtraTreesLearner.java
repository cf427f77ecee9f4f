package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.DataShape;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.Set;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Extremely randomized trees ({@code tribuo-extra-trees}): an ensemble of CART trees with random split points over a
 * random fraction of the features; class scores are averaged over the trees.
 */
public final class TribuoExtraTreesLearner implements Learner {
    /** Trees in the ensemble. */
    public static final IntParam N_TREES = new IntParam("n_trees", 10, 120, true);
    /** Depth of each tree. */
    public static final IntParam MAX_DEPTH = new IntParam("max_depth", 2, 30, false);
    /** Smallest weight of a child node. */
    public static final DoubleParam MIN_CHILD_WEIGHT = new DoubleParam("min_child_weight", 1.0, 20.0, true);
    /** Fraction of the features considered at each split. */
    public static final DoubleParam FEATURE_FRACTION = new DoubleParam("feature_fraction", 0.1, 1.0, false);

    /** The learner. */
    public TribuoExtraTreesLearner() {
    }

    @Override
    public String id() {
        return "tribuo-extra-trees";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(N_TREES, MAX_DEPTH, MIN_CHILD_WEIGHT, FEATURE_FRACTION);
    }

    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(3.0);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(N_TREES, 30).with(MAX_DEPTH, 12).with(MIN_CHILD_WEIGHT, 1.0)
                .with(FEATURE_FRACTION, 0.5).build();
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        int trees = config.get(N_TREES);
        int depth = config.get(MAX_DEPTH);
        float minChild = (float) config.get(MIN_CHILD_WEIGHT);
        float fraction = (float) config.get(FEATURE_FRACTION);
        if (data.target().task() instanceof Classification) {
            var cart = new CARTClassificationTrainer(depth, minChild, 0f, fraction, true, new GiniIndex(), context.seed());
            var trainer = new ExtraTreesTrainer<>(cart, new FullyWeightedVotingCombiner(), trees, context.seed());
            return TribuoModel.of(id(), trainer.train(TribuoData.classification(data)), data.target(), 0, 1, trees);
        }
        double[] m = TribuoData.moments(data);
        var cart = new CARTRegressionTrainer(depth, minChild, 0f, fraction, true, new MeanSquaredError(), context.seed());
        var trainer = new ExtraTreesTrainer<>(cart, new AveragingCombiner(), trees, context.seed());
        return TribuoModel.of(id(), trainer.train(TribuoData.regression(data, m[0], m[1])), data.target(), m[0], m[1]);
    }

    /** Tribuo's examples (a name reference and a double per feature, about 24 bytes) and the trees (about 200 bytes a node). */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        long nodes = Math.min(1L << Math.min(30, config.get(MAX_DEPTH)), 2L * shape.rows() + 1);
        return (long) shape.rows() * shape.columns() * 24 + config.get(N_TREES) * nodes * 200 + (1L << 20);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return TribuoModel.load(artifact);
    }
}
