package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.learn.DataShape;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.smile.SmileKnnLearner;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SmileKnnLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new SmileKnnLearner();
    }

    private static Config config(int k, String weights) {
        return Config.of("smile-knn", Map.of("n_neighbors", k, "weights", weights));
    }

    private static TrainingSet regression(int rows, int columns, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * columns];
        double[] y = new double[rows];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("f" + c);
        }
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < columns; c++) {
                x[i * columns + c] = (float) r.nextGaussian();
            }
            y[i] = x[i * columns] - 2 * x[i * columns + 1] + r.nextGaussian();
        }
        return new TrainingSet(FeatureMatrix.of(x, rows, names), Labels.of(y), new Target("y", new Regression()));
    }

    /** The k-NN prediction of {@code query} by sorting all training rows by distance. */
    private static double bruteForce(TrainingSet train, float[] query, int k, boolean byDistance) {
        FeatureMatrix x = train.features();
        double[] d = new double[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int c = 0; c < x.columns(); c++) {
                s += Math.pow(x.get(i, c) - query[c], 2);
            }
            d[i] = Math.sqrt(s);
        }
        Integer[] order = IntStream.range(0, d.length).boxed().sorted(Comparator.comparingDouble(i -> d[i])).toArray(Integer[]::new);
        double sum = 0;
        double weight = 0;
        for (int j = 0; j < k; j++) {
            double w = byDistance ? 1 / d[order[j]] : 1;
            sum += w * train.labels().get(order[j]);
            weight += w;
        }
        return sum / weight;
    }

    @Test
    void idAndTasks() {
        assertThat(learner().id()).isEqualTo("smile-knn");
        assertThat(learner().tasks()).containsExactlyInAnyOrder(Classification.class, Regression.class);
        assertThat(learner().traits().acceptsSparse()).isFalse();
    }

    @Test
    void isLeftOutOnlyWhereALinearScanWouldBeSlow() {
        assertThat(learner().unsuitedTo(new DataShape(24_000, 5, 2))).isEmpty();         // 7.2e8 multiply-adds
        assertThat(learner().unsuitedTo(new DataShape(100_000, 5, 2))).hasValueSatisfying(why ->
                assertThat(why).contains("100,000 training rows", "5 features"));       // narrow data is bounded too
        assertThat(learner().unsuitedTo(new DataShape(8_000, 100, 2))).isEmpty();        // 1.6e9 multiply-adds
        assertThat(learner().unsuitedTo(new DataShape(24_000, 70, 2))).hasValueSatisfying(why ->
                assertThat(why).contains("24,000 training rows", "6,000 validation rows", "70 features"));
    }

    @Test
    void agreesWithABruteForceSearchOnTheKdTreeAndTheLinearScan() {
        // 4 features were Smile's KD-tree, 16 its linear scan; both are our scan now.
        for (int columns : new int[] {4, 16}) {
            TrainingSet train = regression(300, columns, columns);
            TrainingSet test = regression(40, columns, columns + 100);
            for (String weights : List.of("uniform", "distance")) {
                Predictions p = learner().fit(train, config(7, weights), FitContext.of(1, 1)).predict(test.features());
                for (int i = 0; i < test.features().rows(); i++) {
                    assertThat(p.value(i)).as(columns + " columns, " + weights + ", row " + i)
                            // the brute force subtracts in float and does not scale the sum; weights differ in the 9th digit
                            .isCloseTo(bruteForce(train, test.features().row(i), 7, weights.equals("distance")), Offset.offset(1e-7));
                }
            }
        }
    }

    @Test
    void oneNeighbourRecallsEveryTrainingRow() {
        TrainingSet train = regression(200, 6, 3);
        Predictions p = learner().fit(train, config(1, "uniform"), FitContext.of(1, 1)).predict(train.features());
        for (int i = 0; i < train.features().rows(); i++) {
            assertThat(p.value(i)).isEqualTo(train.labels().get(i));
        }
    }

    @Test
    void moreNeighboursThanRowsUseAllOtherRows() {
        TrainingSet train = regression(5, 3, 4);
        float[] query = train.features().row(0);
        Predictions p = learner().fit(train, config(50, "uniform"), FitContext.of(1, 1))
                .predict(FeatureMatrix.of(query, 1, train.features().names()));
        assertThat(p.value(0)).isCloseTo(bruteForce(train, query, 4, false), Offset.offset(1e-9));
    }

    @Test
    void classProbabilitiesAreVoteSharesWithOneUniformVote() {
        TrainingSet train = LearnerContract.data(LearnerContract.MULTICLASS, 200, 6);
        Predictions p = learner().fit(train, config(5, "uniform"), FitContext.of(1, 1)).predict(train.features());
        for (int i = 0; i < p.size(); i++) {
            for (double v : p.probabilities(i)) {
                // With 5 voters and 3 classes a share is (votes + 1/3) / 6, so never below 1/18.
                double votes = v * 6 - 1.0 / 3;
                assertThat(votes).isCloseTo(Math.rint(votes), Offset.offset(1e-9));
                assertThat(v).isGreaterThanOrEqualTo(1.0 / 18 - 1e-12);
            }
        }
    }

    @Test
    void aTruncatedPayloadIsRejectedWithTheSizesItExpected() {
        TrainingSet train = regression(20, 3, 5);
        ModelArtifact a = learner().fit(train, config(3, "uniform"), FitContext.of(1, 1)).export();
        ModelArtifact cut = new ModelArtifact(a.learnerId(), a.format(), a.properties(), Arrays.copyOf(a.payload(), 100));
        assertThatThrownBy(() -> learner().load(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 bytes").hasMessageContaining("20 rows of 3 features");
    }
}
