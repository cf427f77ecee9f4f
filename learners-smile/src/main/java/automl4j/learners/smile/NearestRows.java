package automl4j.learners.smile;

/**
 * The k training rows nearest to a query, by an exact scan of all rows; AutoML4J's own search, defined here so that
 * the scoring module's twin ({@code automl4j.scoring.NearestRows}, the same code) finds the same rows in the same
 * order. Keep the two in step: a change here changes the bits of every k-NN prediction.
 * <ul>
 *   <li>Distance: features where the row or the query is NaN are left out, the squared differences of the others are
 *       summed in feature order, scaled by features / features used, and the square root taken; NaN when no feature
 *       is used. This is the arithmetic of Smile's {@code EuclideanDistance} (which the engine's linear scan used),
 *       so that k-NN models over more than 10 features predict the same bits as before this search was ours.</li>
 *   <li>Choice: the k smallest by (distance, then row index), distances ordered as {@link Double#compare} orders
 *       them, so an infinite distance comes after every finite one and NaN after that. A tie at the k-th distance
 *       goes to the lower row index. A query with an infinite feature is infinitely far from every (finite) row, and
 *       one whose features are all NaN is at NaN from every row: both get the first k rows.</li>
 *   <li>Result: farthest first, by decreasing (distance, row index): the order the k-NN vote sums its neighbours in,
 *       which fixes the bits of the sum.</li>
 * </ul>
 * Immutable and thread-safe; each search allocates its own state.
 */
final class NearestRows {
    private final float[] rows;
    private final int rowCount;
    private final int columns;

    /** Over {@code rowCount} rows of {@code columns} features, row-major; the array is kept, not copied. */
    NearestRows(float[] rows, int rowCount, int columns) {
        if (rowCount < 1 || columns < 1 || (long) rowCount * columns != rows.length) {
            throw new IllegalArgumentException("need rowCount * columns = " + rows.length + " values, with at least one row and one "
                    + "feature, but got " + rowCount + " rows of " + columns);
        }
        this.rows = rows;
        this.rowCount = rowCount;
        this.columns = columns;
    }

    /** The nearest rows found, farthest first: {@code index[j]} is at {@code distance[j]}. */
    record Found(int[] index, double[] distance) {
    }

    /** The {@code k} rows nearest to {@code query} (one value per feature), farthest first. */
    Found search(float[] query, int k) {
        if (k < 1 || k > rowCount) {
            throw new IllegalArgumentException("k must be between 1 and " + rowCount + " rows, but was " + k);
        }
        if (query.length != columns) {
            throw new IllegalArgumentException("the query has " + query.length + " features, but the rows have " + columns);
        }
        // A max-heap of the k kept rows, the farthest (and of equal distances the highest index) at the root. Rows come
        // in index order, so a later row beats the farthest kept only when strictly nearer: ties go to the lower index.
        int[] index = new int[k];
        double[] distance = new double[k];
        for (int i = 0; i < rowCount; i++) {
            double d = distance(query, i);
            if (i < k) {
                index[i] = i;
                distance[i] = d;
                siftUp(index, distance, i);
            } else if (Double.compare(d, distance[0]) < 0) {
                index[0] = i;
                distance[0] = d;
                siftDown(index, distance, 0, k);
            }
        }
        // Taking the root k times gives the rows farthest first.
        int[] outIndex = new int[k];
        double[] outDistance = new double[k];
        for (int n = k; n > 0; n--) {
            outIndex[k - n] = index[0];
            outDistance[k - n] = distance[0];
            index[0] = index[n - 1];
            distance[0] = distance[n - 1];
            siftDown(index, distance, 0, n - 1);
        }
        return new Found(outIndex, outDistance);
    }

    /** The distance of row {@code i} from the query, in the arithmetic the class comment describes. */
    double distance(float[] query, int i) {
        int at = i * columns;
        int used = 0;
        double sum = 0.0;
        for (int c = 0; c < columns; c++) {
            double x = rows[at + c];
            double q = query[c];
            if (!Double.isNaN(x) && !Double.isNaN(q)) {
                used++;
                double d = x - q;
                sum += d * d;
            }
        }
        // Scaled even when every feature is used: columns * sum / columns need not give back sum's bits.
        return Math.sqrt(used == 0 ? Double.NaN : columns * sum / used);
    }

    /** Whether place {@code a} is farther than place {@code b}: greater distance, or equal and greater index. */
    private static boolean farther(int[] index, double[] distance, int a, int b) {
        int c = Double.compare(distance[a], distance[b]);
        return c > 0 || (c == 0 && index[a] > index[b]);
    }

    private static void siftUp(int[] index, double[] distance, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!farther(index, distance, at, parent)) {
                return;
            }
            swap(index, distance, at, parent);
            at = parent;
        }
    }

    private static void siftDown(int[] index, double[] distance, int at, int size) {
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && farther(index, distance, child + 1, child)) {
                child++;
            }
            if (!farther(index, distance, child, at)) {
                return;
            }
            swap(index, distance, at, child);
            at = child;
        }
    }

    private static void swap(int[] index, double[] distance, int a, int b) {
        int i = index[a];
        index[a] = index[b];
        index[b] = i;
        double d = distance[a];
        distance[a] = distance[b];
        distance[b] = d;
    }
}
