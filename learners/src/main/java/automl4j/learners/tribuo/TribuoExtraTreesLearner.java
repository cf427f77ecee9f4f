package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.DataShape;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        return SearchSpace.of(
                new IntParam("n_trees", 10, 120, true),
                new IntParam("max_depth", 2, 30, false),
                new DoubleParam("min_child_weight", 1.0, 20.0, true),
                new DoubleParam("feature_fraction", 0.1, 1.0, false));
    }

    @Override
    public double relativeCost() {
        return 3.0;
    }

    @Override
    public Config defaultConfig(Task task) {
        Map<String, Object> v = new TreeMap<>();
        v.put("n_trees", 30);
        v.put("max_depth", 12);
        v.put("min_child_weight", 1.0);
        v.put("feature_fraction", 0.5);
        return Config.of(id(), v);
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        int trees = config.intValue("n_trees");
        int depth = config.intValue("max_depth");
        float minChild = (float) config.doubleValue("min_child_weight");
        float fraction = (float) config.doubleValue("feature_fraction");
        if (data.target().task() instanceof Classification) {
            var cart = new CARTClassificationTrainer(depth, minChild, 0f, fraction, true, new GiniIndex(), context.seed());
            var trainer = new ExtraTreesTrainer<>(cart, new FullyWeightedVotingCombiner(), trees, context.seed());
            return new TribuoModel(id(), trainer.train(TribuoData.classification(data)), data.target(), 0, 1, trees);
        }
        double[] m = TribuoData.moments(data);
        var cart = new CARTRegressionTrainer(depth, minChild, 0f, fraction, true, new MeanSquaredError(), context.seed());
        var trainer = new ExtraTreesTrainer<>(cart, new AveragingCombiner(), trees, context.seed());
        return new TribuoModel(id(), trainer.train(TribuoData.regression(data, m[0], m[1])), data.target(), m[0], m[1]);
    }

    /** Tribuo's examples (a name reference and a double per feature, about 24 bytes) and the trees (about 200 bytes a node). */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        long nodes = Math.min(1L << Math.min(30, config.intValue("max_depth")), 2L * shape.rows() + 1);
        return (long) shape.rows() * shape.columns() * 24 + config.intValue("n_trees") * nodes * 200 + (1L << 20);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return TribuoModel.load(artifact);
    }
}
