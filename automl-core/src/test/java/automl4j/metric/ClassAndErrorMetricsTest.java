package automl4j.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import automl4j.DataException;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The metrics added beside the protocol's five, against values worked out by hand and against their definitions. */
class ClassAndErrorMetricsTest {
    private static final Classification BINARY = new Classification(List.of("a", "b"));
    private static final Classification THREE = new Classification(List.of("a", "b", "c"));

    private static Predictions binary(double... p1) {
        double[][] p = new double[p1.length][];
        for (int i = 0; i < p1.length; i++) {
            p[i] = new double[] {1 - p1[i], p1[i]};
        }
        return Predictions.ofProbabilities(BINARY, BINARY.classes(), p);
    }

    /** Three-class predictions whose most probable class is {@code predicted[i]}. */
    private static Predictions threeClass(int... predicted) {
        double[][] p = new double[predicted.length][];
        for (int i = 0; i < predicted.length; i++) {
            p[i] = new double[] {0.2, 0.2, 0.2};
            p[i][predicted[i]] = 0.6;
        }
        return Predictions.ofProbabilities(THREE, THREE.classes(), p);
    }

    private static Labels labels(double... y) {
        return Labels.of(y);
    }

    // truth 0 1 1 0 1, predicted (p > 0.5) 0 1 0 1 1: TP 2, FP 1, FN 1, TN 1
    private static final Labels Y = labels(0, 1, 1, 0, 1);
    private static final Predictions P = binary(0.2, 0.7, 0.4, 0.6, 0.9);

    @Test
    void binaryCountMetrics() {
        assertThat(Metrics.f1().score(Y, P)).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(Metrics.mcc().score(Y, P)).isCloseTo((2.0 * 1 - 1.0 * 1) / Math.sqrt(3 * 3 * 2 * 2), within(1e-12));
        assertThat(Metrics.balancedAccuracy().score(Y, P)).isCloseTo((2.0 / 3 + 1.0 / 2) / 2, within(1e-12));
    }

    @Test
    void averagePrecisionWeighsPrecisionByRecallGained() {
        // from the top: 0.9 positive (precision 1), 0.7 positive (1), 0.6 negative, 0.4 positive (3/4)
        assertThat(Metrics.averagePrecision().score(Y, P)).isCloseTo(1.0 / 3 + 1.0 / 3 + 0.75 / 3, within(1e-12));
        // rows tied on a score enter together: 0.8 positive (precision 1), then 0.5 positive and negative (2/3)
        assertThat(Metrics.averagePrecision().score(labels(1, 0, 1, 0), binary(0.5, 0.5, 0.8, 0.1)))
                .isCloseTo(0.5 + 0.5 * 2 / 3, within(1e-12));
        assertThat(Metrics.averagePrecision().score(labels(0, 0), binary(0.5, 0.7))).isNaN();
    }

    @Test
    void averagePrecisionMatchesItsDefinitionRowByRow() {
        qt().withExamples(200).forAll(integers().between(1, 60), integers().between(0, 10_000)).checkAssert((n, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] y = new double[n];
            double[] p1 = new double[n];
            int positives = 0;
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                p1[i] = r.nextInt(6) / 5.0;   // few levels: many ties
                positives += (int) y[i];
            }
            double expected = Double.NaN;
            if (positives > 0) {
                // precision at each positive row's score, counting every row scored at least as high
                expected = 0;
                for (int i = 0; i < n; i++) {
                    if (y[i] == 1) {
                        int above = 0;
                        int positivesAbove = 0;
                        for (int j = 0; j < n; j++) {
                            if (p1[j] >= p1[i]) {
                                above++;
                                positivesAbove += (int) y[j];
                            }
                        }
                        expected += (double) positivesAbove / above / positives;
                    }
                }
            }
            double actual = Metrics.averagePrecision().score(Labels.of(y), binary(p1));
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(1e-12));
            }
        });
    }

    @Test
    void multiclassCountMetrics() {
        // truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0
        Labels y = labels(0, 0, 1, 1, 2, 2);
        Predictions p = threeClass(0, 1, 1, 1, 2, 0);
        double f1a = 2.0 * 1 / (2 + 2);
        double f1b = 2.0 * 2 / (2 + 3);
        double f1c = 2.0 * 1 / (2 + 1);
        assertThat(Metrics.f1Macro().score(y, p)).isCloseTo((f1a + f1b + f1c) / 3, within(1e-12));
        assertThat(Metrics.balancedAccuracy().score(y, p)).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-12));
        // Gorodkin: (correct * n - sum t_k p_k) / sqrt((n^2 - sum t_k^2)(n^2 - sum p_k^2)), t = (2,2,2), p = (2,3,1)
        assertThat(Metrics.mcc().score(y, p)).isCloseTo((4.0 * 6 - 12) / Math.sqrt((36 - 12) * (36 - 14)), within(1e-12));

        // unequal supports: truth 0 0 0 1, predicted 0 0 1 1
        Labels y2 = labels(0, 0, 0, 1);
        Predictions p2 = threeClass(0, 0, 1, 1);
        double f1Zero = 2.0 * 2 / (3 + 2);
        double f1One = 2.0 * 1 / (1 + 2);
        assertThat(Metrics.f1Weighted().score(y2, p2)).isCloseTo((3 * f1Zero + f1One) / 4, within(1e-12));
        assertThat(Metrics.f1Macro().score(y2, p2)).as("class c is neither true nor predicted")
                .isCloseTo((f1Zero + f1One) / 2, within(1e-12));
    }

    @Test
    void binaryMccIsTheCorrelationOfTheTwoIndicators() {
        qt().withExamples(200).forAll(integers().between(2, 50), integers().between(0, 10_000)).checkAssert((n, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] y = new double[n];
            double[] p1 = new double[n];
            long tp = 0;
            long tn = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                p1[i] = r.nextDouble();
                boolean predicted = p1[i] > 0.5;
                if (y[i] == 1) {
                    tp += predicted ? 1 : 0;
                    fn += predicted ? 0 : 1;
                } else {
                    fp += predicted ? 1 : 0;
                    tn += predicted ? 0 : 1;
                }
            }
            double denominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
            double expected = denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
            assertThat(Metrics.mcc().score(Labels.of(y), binary(p1))).isCloseTo(expected, within(1e-9));
        });
    }

    @Test
    void aTrueLabelTheModelDoesNotKnowIsAnError() {
        // the second row's class is unknown to the model (index -1): it is a miss, never a hit
        Labels y = labels(1, -1, 0);
        Predictions p = binary(0.9, 0.1, 0.2);
        assertThat(Metrics.balancedAccuracy().score(y, p)).isCloseTo((1 + 1 + 0) / 3.0, within(1e-12));
        assertThat(Metrics.f1Weighted().score(y, p)).isLessThan(1.0);
    }

    @Test
    void oneVsRestAucAveragesEachClassAgainstTheRest() {
        double[][] rows = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.2, 0.6}, {0.4, 0.5, 0.1}};
        Predictions p = Predictions.ofProbabilities(THREE, THREE.classes(), rows);
        Labels y = labels(0, 1, 2, 0);
        // class a: both positives above both negatives; b: 0.4 beats 0.2 and 0.2 but not 0.5; c: 0.6 beats all
        assertThat(Metrics.aucOneVsRest().score(y, p)).isCloseTo((1 + 2.0 / 3 + 1) / 3, within(1e-12));
        assertThat(Metrics.aucOneVsRest().score(Y, P)).as("on two classes it is the AUC")
                .isCloseTo(Metrics.rocAuc().score(Y, P), within(1e-12));
    }

    @Test
    void regressionErrors() {
        Labels y = labels(1, 2, 4);
        Predictions p = Predictions.ofValues(new double[] {2, 2, 2});
        assertThat(Metrics.mae().score(y, p)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.mape().score(y, p)).isCloseTo((1.0 + 0 + 0.5) / 3, within(1e-12));
        double d1 = Math.log(3) - Math.log(2);
        double d3 = Math.log(3) - Math.log(5);
        assertThat(Metrics.rmsle().score(y, p)).isCloseTo(Math.sqrt((d1 * d1 + d3 * d3) / 3), within(1e-12));
    }

    @Test
    void rmsleScoresANegativePredictionAsZeroAndRejectsANegativeTruth() {
        assertThat(Metrics.rmsle().score(labels(1), Predictions.ofValues(new double[] {-5})))
                .isCloseTo(Math.log(2), within(1e-12));
        assertThatThrownBy(() -> Metrics.rmsle().score(labels(1, -2), Predictions.ofValues(new double[] {1, 1})))
                .isInstanceOf(DataException.class).hasMessageContaining("row 1 is -2.0");
    }

    @Test
    void everyMetricIsFoundByNameAndByTheServiceFile() {
        List<String> discovered = Metrics.discovered().stream().map(Metric::id).toList();
        for (Metric m : Metrics.all()) {
            assertThat(Metrics.forName(m.name())).isEqualTo(m);
            assertThat(discovered).contains(m.id());
        }
    }

    @Test
    void metricsDeclareTheTasksTheyFit() {
        assertThat(Metrics.f1().supports(THREE)).isFalse();
        assertThat(Metrics.averagePrecision().supports(BINARY)).isTrue();
        assertThat(Metrics.f1Macro().supports(THREE)).isTrue();
        assertThat(Metrics.aucOneVsRest().supports(THREE)).isTrue();
        assertThat(Metrics.mape().supports(new Regression())).isTrue();
        assertThat(Metrics.mae().supports(BINARY)).isFalse();
        assertThat(Metrics.mcc().higherIsBetter()).isTrue();
        assertThat(Metrics.rmsle().higherIsBetter()).isFalse();
    }
}
