package automl4j.learners.smile;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Predictions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.LinearSearch;
import smile.neighbor.Neighbor;

/**
 * Our neighbour search: its tie rule, its answer to queries at no finite distance, and, for the models fitted before
 * it, the same rows, order and distance bits as Smile's linear scan with {@code EuclideanDistance}.
 */
class NearestRowsTest {
    @Test
    void tiesGoToTheLowerRowIndexAndTheResultComesFarthestFirst() {
        // One feature; query 0: row 2 at 0, rows 1, 3, 4 and 5 at 1, row 0 at 5.
        NearestRows search = new NearestRows(new float[] {5, 1, 0, 1, 1, -1}, 6, 1);
        NearestRows.Found found = search.search(new float[] {0}, 3);
        assertThat(found.index()).containsExactly(3, 1, 2);
        assertThat(found.distance()).containsExactly(1, 1, 0);
        assertThat(search.search(new float[] {0}, 5).index()).containsExactly(5, 4, 3, 1, 2);
        assertThat(search.search(new float[] {0}, 6).index()).containsExactly(0, 5, 4, 3, 1, 2);
    }

    @Test
    void keepsTheKSmallestByDistanceThenIndexOnDataFullOfTies() {
        for (int columns : new int[] {1, 2, 3, 11}) {
            float[] rows = grid(300, columns, columns);
            NearestRows search = new NearestRows(rows, 300, columns);
            float[] queries = grid(100, columns, columns + 50);
            for (int q = 0; q < 100; q++) {
                float[] query = Arrays.copyOfRange(queries, q * columns, (q + 1) * columns);
                for (int k : new int[] {1, 4, 17, 299, 300}) {
                    int[] expected = sortedByDistanceThenIndex(search, 300, query).limit(k).toArray();
                    int[] found = search.search(query, k).index();
                    int[] reversed = IntStream.range(0, k).map(j -> found[k - 1 - j]).toArray();
                    assertThat(reversed).as(columns + " features, k " + k + ", query " + q).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void aNaNQueryFeatureIsLeftOutAndTheSumScaled() {
        NearestRows search = new NearestRows(new float[] {3, 4, 7, 1, 1, 1}, 2, 3);
        assertThat(search.distance(new float[] {0, 0, Float.NaN}, 0)).isEqualTo(Math.sqrt(3 * 25.0 / 2));
        assertThat(search.distance(new float[] {1, 1, 1}, 1)).isEqualTo(0);
        assertThat(search.distance(new float[] {Float.NaN, Float.NaN, Float.NaN}, 0)).isNaN();
        assertThat(search.distance(new float[] {0, Float.NEGATIVE_INFINITY, 0}, 0)).isInfinite();
    }

    @Test
    void aQueryAtNoFiniteDistanceGetsTheFirstKRows() {
        float[] rows = gaussian(40, 4, 3);
        NearestRows search = new NearestRows(rows, 40, 4);
        float[] allNaN = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] infinite = {0, Float.POSITIVE_INFINITY, Float.NaN, 1};
        for (float[] query : List.of(allNaN, infinite)) {
            NearestRows.Found found = search.search(query, 5);
            assertThat(found.index()).containsExactly(4, 3, 2, 1, 0);
            assertThat(Arrays.stream(found.distance()).noneMatch(Double::isFinite)).isTrue();
        }
    }

    @Test
    void theModelVotesUniformlyWithTheFirstKRowsWhereNoDistanceIsFinite() {
        int rows = 40;
        float[] x = gaussian(rows, 3, 7);
        double[] y = new SplittableRandom(8).doubles(rows).toArray();
        double[] classes = IntStream.range(0, rows).mapToDouble(i -> i % 3).toArray();
        List<String> names = List.of("a", "b", "c");
        FeatureMatrix queries = FeatureMatrix.of(new float[] {
            Float.NaN, Float.NaN, Float.NaN,
            Float.NEGATIVE_INFINITY, 0, 0,
            Float.NaN, 1, Float.POSITIVE_INFINITY}, 3, names);
        // Summed as the vote sums: farthest first, so from row 4 down to row 0.
        double mean = (y[4] + y[3] + y[2] + y[1] + y[0]) / 5;
        for (String weights : List.of(KnnModel.UNIFORM, KnnModel.DISTANCE)) {
            Predictions values = new KnnModel(new Target("y", new Regression()), x, rows, 3, y, 5, weights).predict(queries);
            Predictions shares = new KnnModel(new Target("y", new Classification(List.of("p", "q", "r"))), x, rows, 3, classes,
                    5, weights).predict(queries);
            for (int i = 0; i < 3; i++) {
                assertThat(values.value(i)).as(weights + " row " + i).isEqualTo(mean);
                // Rows 0 to 4 have classes 0, 1, 2, 0, 1: shares 2/5, 2/5, 1/5, and one uniform vote in 6.
                assertThat(shares.probabilities(i)).as(weights + " row " + i)
                        .containsExactly(new double[] {(0.4 * 5 + 1.0 / 3) / 6, (0.4 * 5 + 1.0 / 3) / 6, (0.2 * 5 + 1.0 / 3) / 6},
                                Offset.offset(1e-15));
            }
        }
    }

    @Test
    void findsWhatSmilesLinearScanFoundToTheBit() {
        // Smile's LinearSearch with EuclideanDistance served models of more than 10 features, and its result is what
        // they must keep predicting; its rule is the one we chose, so it agrees at every width.
        int mismatches = 0;
        for (int columns : new int[] {2, 6, 11, 24}) {
            for (boolean ties : new boolean[] {false, true}) {
                int rowCount = 250;
                float[] rows = ties ? grid(rowCount, columns, 11 * columns) : gaussian(rowCount, columns, 11 * columns);
                float[] queries = ties ? grid(120, columns, 12 * columns) : gaussian(120, columns, 12 * columns);
                SplittableRandom missing = new SplittableRandom(columns);
                for (int i = 0; i < queries.length; i++) {
                    if (missing.nextInt(8) == 0) {
                        queries[i] = Float.NaN;
                    }
                }
                NearestRows ours = new NearestRows(rows, rowCount, columns);
                double[][] keys = new double[rowCount][columns];
                for (int i = 0; i < rowCount; i++) {
                    for (int c = 0; c < columns; c++) {
                        keys[i][c] = rows[i * columns + c];
                    }
                }
                LinearSearch<double[], double[]> smile = LinearSearch.of(keys, new EuclideanDistance());
                for (int q = 0; q < 120; q++) {
                    float[] query = Arrays.copyOfRange(queries, q * columns, (q + 1) * columns);
                    if (IntStream.range(0, columns).allMatch(c -> Float.isNaN(query[c]))) {
                        continue;   // Smile's search fails on a query at NaN from every row
                    }
                    double[] key = new double[columns];
                    for (int c = 0; c < columns; c++) {
                        key[c] = query[c];
                    }
                    for (int k : new int[] {1, 5, 40, rowCount - 1}) {
                        Neighbor<double[], double[]>[] theirs = smile.search(key, k);
                        NearestRows.Found found = ours.search(query, k);
                        for (int j = 0; j < k; j++) {
                            if (found.index()[j] != theirs[j].index
                                    || Double.doubleToRawLongBits(found.distance()[j]) != Double.doubleToRawLongBits(theirs[j].distance)) {
                                mismatches++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isZero();
    }

    /** The row indexes by increasing (distance, index), distances ordered as {@link Double#compare} does. */
    private static IntStream sortedByDistanceThenIndex(NearestRows search, int rows, float[] query) {
        double[] d = IntStream.range(0, rows).mapToDouble(i -> search.distance(query, i)).toArray();
        return IntStream.range(0, rows).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue);
    }

    /** Values in {0, 1, 2}: few places for many rows, so nearly every query ties at its k-th distance. */
    private static float[] grid(int rows, int columns, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(3);
        }
        return x;
    }

    private static float[] gaussian(int rows, int columns, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 4 - 2);
        }
        return x;
    }
}
