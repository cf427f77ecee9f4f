package automl4j.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The k training rows the engine's {@code smile-knn} finds for a query, in the order it returns them, reproduced
 * without Smile (GPL-3.0). Which rows tie-break into the k, and their order, change the vote's bits, so this follows
 * what Smile 3.1.1 does (its behaviour, re-implemented here; no Smile source is copied):
 * <ul>
 *   <li>The candidates are kept as in Smile's {@code HeapSelect} of {@code NeighborBuilder}s: k places start at
 *       distance {@code Double.MAX_VALUE}, and a row takes the worst place (greatest distance, then greatest row
 *       index) only when its distance is strictly smaller than that place's. A row tying the worst distance does not
 *       get in, so the rows visited first win ties, and the visiting order matters.</li>
 *   <li>Up to {@value #KD_TREE_MAX_COLUMNS} features (Smile's {@code KDTree}): rows are visited leaf by leaf, nearer
 *       child first, in the tree Smile builds: each node splits at the middle of its bounding box's widest dimension
 *       (the first of equal widths), partitions its rows in place by a two-ended scan, and is a leaf when the widest
 *       half-width is under 1e-8 or one side would be empty. A further child is skipped when the worst kept distance is
 *       below the query's distance to the split. The distance is {@code sqrt} of the squared differences summed in
 *       feature order.</li>
 *   <li>More features (Smile's {@code LinearSearch} with {@code EuclideanDistance}): rows in index order; features
 *       where the query is NaN are left out and the sum is scaled by features / features used (NaN when none).</li>
 *   <li>The result is sorted by decreasing distance, then decreasing row index.</li>
 * </ul>
 * Instances are immutable; a search allocates its own state.
 */
final class SmileNeighbours {
    /** Smile's KD-tree is used up to this many features, as the engine's {@code KnnModel} chooses. */
    static final int KD_TREE_MAX_COLUMNS = 10;
    private static final double LEAF_RADIUS = 1e-8;
    private final float[] rows;
    private final int columns;
    private final KdTree tree;   // null for a linear scan

    SmileNeighbours(float[] rows, int rowCount, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.tree = columns <= KD_TREE_MAX_COLUMNS ? new KdTree(rows, rowCount, columns) : null;
    }

    /**
     * The k nearest rows of {@code q}: their indexes and distances, farthest first.
     *
     * @return null when fewer than k rows have a distance below {@code Double.MAX_VALUE} (a NaN or infinite query),
     *         where the engine fails with an index out of bounds
     */
    Found search(double[] q, int k) {
        Kept kept = new Kept(k);
        if (tree != null) {
            tree.visit(q, kept, this);
        } else {
            for (int i = 0; i < rows.length / columns; i++) {
                kept.offer(i, scanDistance(q, i));
            }
        }
        return kept.sorted();
    }

    /** The k rows found, farthest first. */
    record Found(int[] index, double[] distance) {
    }

    /** Smile's {@code MathEx.distance} between the query and row {@code i}: no NaN handling. */
    double treeDistance(double[] q, int i) {
        int at = i * columns;
        double sum = 0.0;
        for (int j = 0; j < columns; j++) {
            double d = q[j] - rows[at + j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** Smile's {@code EuclideanDistance.d(row, query)}: features where either side is NaN are left out, then scaled. */
    private double scanDistance(double[] q, int i) {
        int at = i * columns;
        int used = 0;
        double sum = 0.0;
        for (int j = 0; j < columns; j++) {
            double x = rows[at + j];
            if (!Double.isNaN(x) && !Double.isNaN(q[j])) {
                used++;
                double d = x - q[j];
                sum += d * d;
            }
        }
        sum = used == 0 ? Double.NaN : columns * sum / used;
        return Math.sqrt(sum);
    }

    /** The k places of the search; the worst is the greatest by (distance, index). */
    static final class Kept {
        private final int[] index;
        private final double[] distance;
        private int worst;

        Kept(int k) {
            index = new int[k];
            distance = new double[k];
            Arrays.fill(index, -1);
            Arrays.fill(distance, Double.MAX_VALUE);
        }

        double worstDistance() {
            return distance[worst];
        }

        void offer(int i, double d) {
            if (d < distance[worst]) {
                index[worst] = i;
                distance[worst] = d;
                worst = 0;
                for (int j = 1; j < index.length; j++) {
                    if (after(j, worst)) {
                        worst = j;
                    }
                }
            }
        }

        /** True when place {@code a} sorts after place {@code b}: greater distance, or equal and greater index. */
        private boolean after(int a, int b) {
            int c = Double.compare(distance[a], distance[b]);
            return c > 0 || (c == 0 && index[a] > index[b]);
        }

        Found sorted() {
            if (distance[worst] == Double.MAX_VALUE && index[worst] == -1) {
                return null;
            }
            Integer[] order = new Integer[index.length];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> after(a, b) ? -1 : after(b, a) ? 1 : 0);
            int[] i = new int[order.length];
            double[] d = new double[order.length];
            for (int j = 0; j < order.length; j++) {
                i[j] = index[order[j]];
                d[j] = distance[order[j]];
            }
            return new Found(i, d);
        }
    }

    /** The KD-tree Smile builds over the rows, as flat node arrays; node 0 is the root. */
    private static final class KdTree {
        private final int[] order;   // row indexes, permuted so that each node's rows are contiguous
        private final int[][] node;   // {begin, end, split, lower, upper}; lower is -1 for a leaf
        private final double[] cutoff;

        KdTree(float[] rows, int rowCount, int columns) {
            order = new int[rowCount];
            for (int i = 0; i < rowCount; i++) {
                order[i] = i;
            }
            List<int[]> nodes = new ArrayList<>();
            List<Double> cutoffs = new ArrayList<>();
            build(rows, columns, 0, rowCount, nodes, cutoffs);
            node = nodes.toArray(new int[0][]);
            cutoff = cutoffs.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /**
         * Adds the node over {@code order[begin, end)} and, where it splits, its subtrees; returns its id. Recursive as
         * Smile's build is: each split at least halves the node's box in one feature, and a box under 1e-8 wide stops,
         * so a branch is at most about 155 levels per feature deep (float range down to 1e-8), whatever the row count.
         */
        private int build(float[] rows, int columns, int begin, int end, List<int[]> nodes, List<Double> cutoffs) {
            double[] low = new double[columns];
            double[] high = new double[columns];
            for (int j = 0; j < columns; j++) {
                low[j] = high[j] = rows[order[begin] * columns + j];
            }
            for (int r = begin + 1; r < end; r++) {
                for (int j = 0; j < columns; j++) {
                    double v = rows[order[r] * columns + j];
                    if (low[j] > v) {
                        low[j] = v;
                    }
                    if (high[j] < v) {
                        high[j] = v;
                    }
                }
            }
            int split = 0;
            double cut = 0;
            double widest = -1;
            for (int j = 0; j < columns; j++) {
                double radius = (high[j] - low[j]) / 2;
                if (radius > widest) {
                    widest = radius;
                    split = j;
                    cut = (high[j] + low[j]) / 2;
                }
            }
            int id = nodes.size();
            nodes.add(new int[] {begin, end, split, -1, -1});
            cutoffs.add(cut);
            if (Math.abs(widest) < LEAF_RADIUS) {
                return id;
            }
            int lowerSize = partition(rows, columns, begin, end, split, cut);
            if (lowerSize == 0 || lowerSize == end - begin) {
                return id;
            }
            nodes.get(id)[3] = build(rows, columns, begin, begin + lowerSize, nodes, cutoffs);
            nodes.get(id)[4] = build(rows, columns, begin + lowerSize, end, nodes, cutoffs);
            return id;
        }

        /**
         * Moves the rows below {@code cut} in feature {@code split} to the front of the range, scanning from both ends
         * and swapping a pair that is on the wrong sides, as Smile does (the resulting order decides ties); returns
         * how many are below.
         */
        private int partition(float[] rows, int columns, int begin, int end, int split, double cut) {
            int front = begin;
            int back = end - 1;
            int below = 0;
            while (front <= back) {
                boolean frontBelow = rows[order[front] * columns + split] < cut;
                boolean backAbove = rows[order[back] * columns + split] >= cut;
                if (!frontBelow && !backAbove) {
                    int t = order[front];
                    order[front] = order[back];
                    order[back] = t;
                    frontBelow = true;
                    backAbove = true;
                }
                if (frontBelow) {
                    front++;
                    below++;
                }
                if (backAbove) {
                    back--;
                }
            }
            return below;
        }

        /**
         * Offers the rows to {@code kept} in Smile's order: depth first, the query's side of a split first, the other
         * side only if the worst kept distance is still at least the query's distance to the split. A stack instead of
         * recursion, so that a deep tree cannot overflow the thread's stack; the order is the same.
         */
        void visit(double[] q, Kept kept, SmileNeighbours rows) {
            int[] stack = new int[16];
            double[] need = new double[16];
            stack[0] = 0;   // the root, visited unconditionally
            need[0] = Double.NEGATIVE_INFINITY;
            int top = 1;
            while (top > 0) {
                top--;
                int id = stack[top];
                if (!(kept.worstDistance() >= need[top])) {
                    continue;
                }
                int[] n = node[id];
                if (n[3] < 0) {
                    for (int r = n[0]; r < n[1]; r++) {
                        kept.offer(order[r], rows.treeDistance(q, order[r]));
                    }
                    continue;
                }
                double diff = q[n[2]] - cutoff[id];
                int nearer = diff < 0 ? n[3] : n[4];
                int further = diff < 0 ? n[4] : n[3];
                if (top + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                    need = Arrays.copyOf(need, need.length * 2);
                }
                stack[top] = further;
                need[top] = Math.abs(diff);
                stack[top + 1] = nearer;
                need[top + 1] = Double.NEGATIVE_INFINITY;
                top += 2;
            }
        }
    }
}
