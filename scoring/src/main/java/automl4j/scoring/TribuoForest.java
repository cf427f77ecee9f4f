package automl4j.scoring;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.VariableInfo;
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
 * A {@code tribuo-extra-trees} ensemble copied, once deserialized and checked by Tribuo, into plain arrays and predicted
 * from them with Tribuo's arithmetic in Tribuo's order, so that its numbers are those of
 * {@code WeightedEnsembleModel.predict}, to the last bit, without building a Tribuo example, sparse vector, prediction
 * and score map per tree and row (most of a forest's time in Tribuo). What it copies:
 *
 * <ul>
 *   <li>a split ({@code SplitNode.getNextNode}): the row's value of the split's feature, widened to double, greater
 *       than the split value goes to the {@code greaterThan} child, otherwise to {@code lessThanOrEqual};</li>
 *   <li>a classification ensemble ({@code FullyWeightedVotingCombiner} with weights): each tree's leaf scores, in the
 *       iteration order of the leaf's score map, times the tree's float weight, added to a running sum and to the
 *       class's score; each class's score divided by the sum, in the ensemble's output id order;</li>
 *   <li>a regression ensemble ({@code AveragingCombiner} with weights): the running weighted mean
 *       {@code mean += (w / weightSum) * (value - mean)} of the trees' leaf values.</li>
 * </ul>
 *
 * <p>{@link #of} answers null for any other shape (another combiner, a tree kind it does not know), and
 * {@link #reads} is false for a row Tribuo treats specially (a NaN cell, which Tribuo refuses; a sparse row none of
 * whose stored cells a tree knows, which it refuses too): the caller then asks Tribuo itself, which gives its own
 * answer or error.
 */
final class TribuoForest {
    private final boolean classification;
    /** Node {@code j}: {@code links[2j]} its {@code lessThanOrEqual} child ({@code greaterThan} is the next node), or 0
     * for a leaf; {@code links[2j + 1]} the split's column, or the leaf's number. */
    private final int[] links;
    private final double[] splitValues;
    private final int[] roots;
    /** Classification: leaf {@code l}'s entries {@code leafStart[l]} to {@code leafStart[l + 1]}: output ids, and
     * scores already times the tree's weight (the combiner's own product, so the same bits). */
    private final int[] leafStart;
    private final int[] leafIds;
    private final double[] leafScores;
    /** Regression: leaf {@code l}'s value. */
    private final double[] leafValues;
    private final float[] weights;
    private final int outputs;
    /** Columns every tree knows: a sparse row with a non-zero cell in one of them gives every tree a feature. */
    private final boolean[] knownByAll;

    private TribuoForest(boolean classification, List<Node<?>> treeRoots, float[] weights, List<int[]> columnOfId,
                         ImmutableOutputInfo<?> outputInfo, boolean[] knownByAll) {
        this.classification = classification;
        this.weights = weights;
        this.outputs = outputInfo.size();
        this.knownByAll = knownByAll;
        List<Node<?>> nodes = new ArrayList<>();
        List<Integer> nodeTree = new ArrayList<>();
        roots = new int[treeRoots.size()];
        for (int t = 0; t < treeRoots.size(); t++) {
            // Breadth first from the root: a split's two children are enqueued together, so they are adjacent.
            roots[t] = nodes.size();
            nodes.add(treeRoots.get(t));
            nodeTree.add(t);
            for (int i = roots[t]; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof SplitNode<?> s) {
                    nodes.add(s.getLessThanOrEqual());
                    nodes.add(s.getGreaterThan());
                    nodeTree.add(t);
                    nodeTree.add(t);
                }
            }
        }
        links = new int[2 * nodes.size()];
        splitValues = new double[nodes.size()];
        List<double[]> scores = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int[] childOf = new int[nodes.size()];
        for (int j = 0, next = 1; j < nodes.size(); j++) {
            if (j == roots[nodeTree.get(j)]) {
                next = j + 1;
            }
            Node<?> node = nodes.get(j);
            int t = nodeTree.get(j);
            if (node instanceof SplitNode<?> s) {
                childOf[j] = next;
                next += 2;
                links[2 * j] = childOf[j];
                links[2 * j + 1] = columnOfId.get(t)[s.getFeatureID()];
                splitValues[j] = s.splitValue();
            } else {
                LeafNode<?> leaf = (LeafNode<?>) node;
                links[2 * j + 1] = classification ? ids.size() : values.size();
                if (classification) {
                    int[] leafId = new int[leaf.getDistribution().size()];
                    double[] leafScore = new double[leafId.length];
                    int k = 0;
                    for (Output<?> o : leaf.getDistribution().values()) {
                        Label label = (Label) o;
                        leafId[k] = idOf(outputInfo, label);
                        leafScore[k++] = weights[t] * label.getScore();
                    }
                    ids.add(leafId);
                    scores.add(leafScore);
                } else {
                    values.add(((Regressor) leaf.getOutput()).getValues()[0]);
                }
            }
        }
        leafStart = new int[ids.size() + 1];
        for (int l = 0; l < ids.size(); l++) {
            leafStart[l + 1] = leafStart[l] + ids.get(l).length;
        }
        leafIds = new int[leafStart[ids.size()]];
        leafScores = new double[leafIds.length];
        for (int l = 0; l < ids.size(); l++) {
            System.arraycopy(ids.get(l), 0, leafIds, leafStart[l], ids.get(l).length);
            System.arraycopy(scores.get(l), 0, leafScores, leafStart[l], ids.get(l).length);
        }
        leafValues = values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static int idOf(ImmutableOutputInfo<?> info, Label label) {
        int id = ((ImmutableOutputInfo<Label>) info).getID(label);
        if (id < 0) {
            throw new IllegalStateException("a leaf's label is not one of the ensemble's outputs");
        }
        return id;
    }

    /**
     * The arrays of {@code model}, a weighted ensemble of trees whose serialized form is {@code proto}, or null when it
     * is not one this class copies (Tribuo then predicts it).
     *
     * @param columns the featurizer's width; the model's feature names were checked to be columns below it
     */
    static TribuoForest of(Model<?> model, ModelProto proto, boolean classification, int columns) {
        if (!(model instanceof WeightedEnsembleModel<?> ensemble) || ensemble.getModels().isEmpty()) {
            return null;
        }
        WeightedEnsembleModelProto e;
        try {
            e = proto.getSerializedData().unpack(WeightedEnsembleModelProto.class);
        } catch (InvalidProtocolBufferException ex) {
            return null;
        }
        String combiner = (classification ? FullyWeightedVotingCombiner.class : AveragingCombiner.class).getName();
        int members = ensemble.getModels().size();
        if (!e.getCombiner().getClassName().equals(combiner) || e.getWeightsCount() != members) {
            return null;
        }
        float[] weights = new float[members];
        List<Node<?>> roots = new ArrayList<>();
        List<int[]> columnOfId = new ArrayList<>();
        boolean[] knownByAll = new boolean[columns];
        java.util.Arrays.fill(knownByAll, true);
        for (int i = 0; i < members; i++) {
            weights[i] = e.getWeights(i);
            Model<?> m = ensemble.getModels().get(i);
            Node<?> root = root(m, classification);
            if (root == null) {
                return null;
            }
            roots.add(root);
            ImmutableFeatureMap features = m.getFeatureIDMap();
            if (features.size() == 0) {
                return null;
            }
            int[] column = new int[features.size()];
            boolean[] known = new boolean[columns];
            for (VariableInfo info : features) {
                int id = features.getID(info.getName());
                int c = column(info.getName());
                if (id < 0 || id >= column.length || c < 0 || c >= columns) {
                    return null;
                }
                column[id] = c;
                known[c] = true;
            }
            for (int c = 0; c < columns; c++) {
                knownByAll[c] &= known[c];
            }
            columnOfId.add(column);
        }
        try {
            return new TribuoForest(classification, roots, weights, columnOfId, ensemble.getOutputIDInfo(), knownByAll);
        } catch (IllegalStateException | ClassCastException | ArrayIndexOutOfBoundsException ex) {
            return null;   // a shape the checks above missed: Tribuo predicts it as before
        }
    }

    /** The root of a member tree Tribuo predicts by one walk, or null. */
    private static Node<?> root(Model<?> m, boolean classification) {
        if (classification) {
            return m.getClass() == TreeModel.class ? ((TreeModel<?>) m).getRoot() : null;
        }
        if (m.getClass() == IndependentRegressionTreeModel.class) {
            Map<String, Node<Regressor>> roots = ((IndependentRegressionTreeModel) m).getRoots();
            return roots.size() == 1 ? roots.values().iterator().next() : null;
        }
        return null;
    }

    /** The column of a feature named {@code f<digits>} (as {@link TribuoFeatureNames} checked), or -1. */
    private static int column(String name) {
        if (name.length() < 2 || name.length() > 10 || name.charAt(0) != 'f'
                || !name.chars().skip(1).allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        return Integer.parseInt(name.substring(1));
    }

    /**
     * Whether this predicts {@code row} as Tribuo does: no NaN cell (Tribuo refuses one) and, for a {@code sparse}
     * row (only its non-zero cells passed to Tribuo), a non-zero cell that every tree knows (Tribuo refuses an example
     * of no known feature).
     */
    boolean reads(float[] row, boolean sparse) {
        boolean known = !sparse;
        for (int c = 0; c < row.length; c++) {
            float v = row[c];
            if (Float.isNaN(v)) {
                return false;
            }
            known |= v != 0f && knownByAll[c];
        }
        return known;
    }

    private int leaf(int t, float[] row) {
        int j = roots[t];
        int left;
        while ((left = links[2 * j]) != 0) {
            double v = row[links[2 * j + 1]];
            j = v > splitValues[j] ? left + 1 : left;
        }
        return links[2 * j + 1];
    }

    /**
     * The ensemble's class scores in output id order ({@code score[i] / sum}, as the combiner's prediction map holds
     * them), or, for regression, the one-element weighted mean of the trees' values.
     */
    double[] predict(float[] row) {
        if (!classification) {
            double mean = 0;
            double weightSum = 0;
            for (int t = 0; t < roots.length; t++) {
                double value = leafValues[leaf(t, row)];
                float weight = weights[t];
                weightSum += weight;
                double oldMean = mean;
                mean += (weight / weightSum) * (value - oldMean);
            }
            return new double[] {mean};
        }
        double sum = 0;
        double[] score = new double[outputs];
        for (int t = 0; t < roots.length; t++) {
            int l = leaf(t, row);
            for (int k = leafStart[l]; k < leafStart[l + 1]; k++) {
                double cur = leafScores[k];
                sum += cur;
                score[leafIds[k]] += cur;
            }
        }
        for (int i = 0; i < score.length; i++) {
            score[i] = score[i] / sum;
        }
        return score;
    }
}
