package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.explain.ShapTree;
import automl4j.learn.FeatureMatrix;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.WeightedEnsembleModelProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * Tribuo decision trees read into {@link ShapTree}s. Tribuo's nodes keep no count of the training rows that reached
 * them, so each node's cover is counted from background rows, as for Smile forests exported without covers.
 *
 * <p>A Tribuo split node sends a row to its {@code greaterThan} child when {@code x > splitValue} and to
 * {@code lessThanOrEqual} otherwise, NaN included ({@code NaN > v} is false): read as {@code x <= threshold} goes left,
 * a missing value left. Its feature is an id of the tree's feature map, whose names are our column positions
 * ({@link TribuoData#names}). A classification leaf holds the class distribution of its training rows (summing to 1),
 * a regression leaf the mean of its standardized target.
 */
final class TribuoTrees {
    /** The combiners whose ensemble output is the weighted mean of its trees' outputs. */
    private static final Set<String> AVERAGING = Set.of(FullyWeightedVotingCombiner.class.getName(),
            AveragingCombiner.class.getName());

    private final List<ShapTree> trees;
    private final double totalWeight;

    private TribuoTrees(List<ShapTree> trees, double totalWeight) {
        this.trees = trees;
        this.totalWeight = totalWeight;
    }

    /** The trees, each leaf's values multiplied by its tree's ensemble weight, so that their sum is the weighted sum. */
    List<ShapTree> trees() {
        return trees;
    }

    /** The sum of the ensemble weights: the model's output is the trees' sum divided by it. */
    double totalWeight() {
        return totalWeight;
    }

    /** Whether {@code model} is a tree or a weighted ensemble of trees (the shape of {@code tribuo-extra-trees}). */
    static boolean canRead(Model<?> model) {
        if (model instanceof WeightedEnsembleModel<?> e) {
            return !e.getModels().isEmpty() && e.getModels().stream().allMatch(m -> m instanceof TreeModel);
        }
        return model instanceof TreeModel;
    }

    /**
     * The trees of {@code model} (one that {@link #canRead}), weighted by {@code weights} (one per tree, from
     * {@link #weights}), with covers counted from {@code background}.
     *
     * @throws IllegalStateException when a classification leaf's scores do not sum to 1 (the voting combiner divides by
     *                               the sum of all weighted scores, which is the total weight only then), or a tree
     *                               splits on a feature that is not one of our columns
     */
    static TribuoTrees read(Model<?> model, float[] weights, Target target, FeatureMatrix background) {
        List<? extends Model<?>> members = model instanceof WeightedEnsembleModel<?> e ? e.getModels() : List.of(model);
        List<ShapTree> out = new ArrayList<>(members.size());
        double total = 0;
        for (int i = 0; i < members.size(); i++) {
            total += weights[i];
            out.add(tree(members.get(i), target, weights[i], background));
        }
        return new TribuoTrees(List.copyOf(out), total);
    }

    /**
     * The weight of each tree of {@code model} (one that {@link #canRead}) when its output is the weighted mean of its
     * trees' outputs, else null. {@code proto} is the serialized form a loaded model was read from; null for a model
     * our learners just fitted, whose combiners average and whose weights are uniform.
     */
    static float[] weights(Model<?> model, ModelProto proto) {
        if (!(model instanceof WeightedEnsembleModel<?> ensemble)) {
            return new float[] {1f};
        }
        int members = ensemble.getModels().size();
        float[] w = new float[members];
        if (proto == null) {
            java.util.Arrays.fill(w, 1f);
            return w;
        }
        WeightedEnsembleModelProto e;
        try {
            e = proto.getSerializedData().unpack(WeightedEnsembleModelProto.class);
        } catch (InvalidProtocolBufferException ex) {
            return null;
        }
        if (!AVERAGING.contains(e.getCombiner().getClassName()) || e.getWeightsCount() != members) {
            return null;
        }
        for (int i = 0; i < members; i++) {
            w[i] = e.getWeights(i);
            if (!(w[i] > 0) || Float.isInfinite(w[i])) {
                return null;
            }
        }
        return w;
    }

    /** One tree, nodes numbered breadth first (so children come after their parents), leaf values times {@code weight}. */
    private static ShapTree tree(Model<?> member, Target target, double weight, FeatureMatrix background) {
        Node<?> root;
        if (member instanceof IndependentRegressionTreeModel r) {
            Map<String, Node<Regressor>> roots = r.getRoots();
            if (roots.size() != 1) {
                throw new IllegalStateException("the Tribuo regression tree has " + roots.size() + " outputs; one is explained");
            }
            root = roots.values().iterator().next();
        } else {
            root = ((TreeModel<?>) member).getRoot();
        }
        boolean classification = target.task() instanceof Classification;
        int outputs = classification ? target.numClasses() : 1;
        ImmutableFeatureMap features = member.getFeatureIDMap();
        List<Node<?>> nodes = new ArrayList<>();
        nodes.add(root);
        List<int[]> children = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof SplitNode<?> s) {
                children.add(new int[] {nodes.size(), nodes.size() + 1});
                nodes.add(s.getLessThanOrEqual());
                nodes.add(s.getGreaterThan());
            } else {
                children.add(null);
            }
        }
        int n = nodes.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        boolean[] missingLeft = new boolean[n];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            if (nodes.get(i) instanceof SplitNode<?> s) {
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
                String name = features.get(s.getFeatureID()).getName();
                feature[i] = TribuoData.column(name);
                if (feature[i] < 0) {
                    throw new IllegalStateException("the Tribuo tree splits on feature '" + name + "', not a column f<digits>");
                } else if (feature[i] >= background.columns()) {
                    throw new IllegalArgumentException("the Tribuo tree splits on column " + feature[i] + ", but the rows have "
                            + background.columns() + " columns");
                }
                threshold[i] = s.splitValue();
                missingLeft[i] = true;
            } else {
                left[i] = -1;
                right[i] = -1;
                values[i] = leaf((LeafNode<?>) nodes.get(i), classification, outputs, weight);
            }
        }
        double[] cover = covers(left, right, feature, threshold, background);
        return new ShapTree(left, right, feature, threshold, missingLeft, cover, values, ShapTree.Split.LESS_OR_EQUAL);
    }

    private static double[] leaf(LeafNode<?> leaf, boolean classification, int outputs, double weight) {
        double[] v = new double[outputs];
        if (!classification) {
            v[0] = weight * ((Regressor) leaf.getOutput()).getValues()[0];
            return v;
        }
        double sum = 0;
        for (Map.Entry<String, ?> e : leaf.getDistribution().entrySet()) {
            double score = ((Label) e.getValue()).getScore();
            v[Integer.parseInt(e.getKey())] = weight * score;
            sum += score;
        }
        // The voting combiner divides by the sum of all weighted scores: the weighted mean only when each leaf sums to 1.
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw new IllegalStateException("a Tribuo leaf's class scores sum to " + sum + "; exact SHAP values need distributions");
        }
        return v;
    }

    /** How many background rows reach each node, walking them as Tribuo does. */
    private static double[] covers(int[] left, int[] right, int[] feature, double[] threshold, FeatureMatrix background) {
        double[] cover = new double[left.length];
        for (int r = 0; r < background.rows(); r++) {
            int node = 0;
            cover[0]++;
            while (left[node] >= 0) {
                node = background.get(r, feature[node]) > threshold[node] ? right[node] : left[node];
                cover[node]++;
            }
        }
        return cover;
    }
}
