package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Smile's random forest ({@code smile-random-forest}; Smile is GPL-3.0, so this package can be left out). Smile
 * trains its trees with a parallel stream; the executor runs each trial in a fork-join pool of its slot's size, so the
 * forest stays inside its slot. After training the forest is converted into a {@link TreeEnsemble}.
 */
public final class SmileRandomForestLearner implements Learner {
    /** Trees in the forest. */
    public static final IntParam N_TREES = new IntParam("n_trees", 20, 500, true);
    /** Features tried at each split: {@code round(p ^ max_features_exponent)} of the {@code p} features. */
    public static final DoubleParam MAX_FEATURES_EXPONENT = new DoubleParam("max_features_exponent", 0.0, 1.0, false);
    /** Depth of each tree. */
    public static final IntParam MAX_DEPTH = new IntParam("max_depth", 4, 40, false);
    /** Rows a node needs to be split. */
    public static final IntParam NODE_SIZE = new IntParam("node_size", 1, 20, true);
    /** Fraction of the rows sampled for each tree. */
    public static final DoubleParam SUBSAMPLE = new DoubleParam("subsample", 0.5, 1.0, false);

    /** The learner. */
    public SmileRandomForestLearner() {
    }

    @Override
    public String id() {
        return "smile-random-forest";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(N_TREES, MAX_FEATURES_EXPONENT, MAX_DEPTH, NODE_SIZE, SUBSAMPLE);
    }

    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(2.5);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(N_TREES, 100).with(MAX_FEATURES_EXPONENT, task instanceof Classification ? 0.5 : 1.0)
                .with(MAX_DEPTH, 30).with(NODE_SIZE, task instanceof Classification ? 1 : 5).with(SUBSAMPLE, 1.0).build();
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        FeatureMatrix x = data.features();
        int p = x.columns();
        int trees = config.get(N_TREES);
        int mtry = Math.max(1, Math.min(p, (int) Math.round(Math.pow(p, config.get(MAX_FEATURES_EXPONENT)))));
        int depth = config.get(MAX_DEPTH);
        int nodeSize = config.get(NODE_SIZE);
        double subsample = config.get(SUBSAMPLE);
        int maxNodes = Math.max(2, x.rows());
        DataFrame frame = frame(x);
        // Smile seeds a tree's generator only when its seed is > 1, so draw the per-tree seeds from [2, max).
        var seeds = new SplittableRandom(context.seed()).longs(trees, 2, Long.MAX_VALUE);
        List<TreeEnsemble.Tree> converted = new ArrayList<>();
        if (data.target().task() instanceof Classification) {
            int[] y = new int[x.rows()];
            TreeSet<Integer> present = new TreeSet<>();
            for (int i = 0; i < y.length; i++) {
                y[i] = (int) data.labels().get(i);
                present.add(y[i]);
            }
            // Smile codes the classes present in this fit as 0..k'-1 in sorted order; map them back.
            int[] classMap = present.stream().mapToInt(Integer::intValue).toArray();
            var forest = smile.classification.RandomForest.fit(Formula.lhs("y"), frame.merge(IntVector.of("y", y)), trees, mtry,
                    SplitRule.GINI, depth, maxNodes, nodeSize, subsample, null, seeds);
            for (var t : forest.trees()) {
                converted.add(SmileTrees.convert(t.root(), classMap, data.target().numClasses()));
            }
            return new SmileForestModel(new TreeEnsemble(converted, data.target().numClasses()), data.target());
        }
        double[] y = data.labels().toArray();
        var forest = smile.regression.RandomForest.fit(Formula.lhs("y"), frame.merge(DoubleVector.of("y", y)), trees, mtry,
                depth, maxNodes, nodeSize, subsample, seeds);
        for (var t : forest.trees()) {
            converted.add(SmileTrees.convert(t.root(), null, 1));
        }
        return new SmileForestModel(new TreeEnsemble(converted, 1), data.target());
    }

    /** Smile's data frame of doubles, its per-column sort order, and the trees (about 100 bytes a node). */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        long nodes = Math.min(1L << Math.min(30, config.get(MAX_DEPTH)), 2L * shape.rows() / config.get(NODE_SIZE) + 1);
        return shape.denseBytes() + (long) shape.rows() * shape.columns() * Integer.BYTES
                + config.get(N_TREES) * nodes * 100 + (1L << 20);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return SmileForestModel.load(artifact);
    }

    private static DataFrame frame(FeatureMatrix x) {
        double[][] rows = new double[x.rows()][x.columns()];
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < x.columns(); c++) {
                rows[i][c] = x.get(i, c);
            }
        }
        String[] names = new String[x.columns()];
        for (int c = 0; c < names.length; c++) {
            names[c] = "f" + c;
        }
        return DataFrame.of(rows, names);
    }
}
