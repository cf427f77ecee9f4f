package automl4j.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.data.Classification;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decision threshold search against thresholds known in closed form. */
class ThresholdSearchTest {
    private static final Classification BINARY = new Classification(List.of("no", "yes"));

    /** Calibrated probabilities: p uniform, the label drawn with probability p. */
    private static double[][] calibrated(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            y[i] = r.nextDouble() < p[i] ? 1 : 0;
        }
        return new double[][] {p, y};
    }

    @Test
    void theCostRatioGivesTheBayesThresholdOnCalibratedProbabilities() {
        double[][] d = calibrated(40_000, 1);
        // Predicting positive costs ratio * (1 - p), negative costs p: positive iff p > ratio / (1 + ratio).
        assertThat(ThresholdSearch.forCost(Labels.of(d[1]), d[0], 1 / 9.0).threshold()).isCloseTo(0.1, within(0.03));
        assertThat(ThresholdSearch.forCost(Labels.of(d[1]), d[0], 4).threshold()).isCloseTo(0.8, within(0.03));
        ThresholdSearch.Choice even = ThresholdSearch.forCost(Labels.of(d[1]), d[0], 1);
        assertThat(even.value()).isLessThanOrEqualTo(even.atHalf());
        assertThat(even.threshold()).isCloseTo(0.5, within(0.03));
    }

    @Test
    void f1OfARareClassWantsALowerThresholdAndNeverScoresWorseThanAtOneHalf() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 5000;
        double[] p = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(r.nextDouble(), 3);   // most rows unlikely positives
            y[i] = r.nextDouble() < p[i] ? 1 : 0;
        }
        ThresholdSearch.Choice c = ThresholdSearch.forMetric(BINARY, Labels.of(y), p, Metrics.forName("f1"));
        assertThat(c.threshold()).isLessThan(0.5);
        assertThat(c.value()).isGreaterThan(c.atHalf());
        assertThat(c.describe()).startsWith("f1 ");
    }

    @Test
    void oneHalfIsKeptWhenNothingDoesBetter() {
        double[] p = {0.1, 0.2, 0.8, 0.9};
        double[] y = {0, 0, 1, 1};
        ThresholdSearch.Choice c = ThresholdSearch.forMetric(BINARY, Labels.of(y), p, Metrics.forName("balanced_accuracy"));
        assertThat(c.threshold()).isEqualTo(0.5);
        assertThat(c.value()).isEqualTo(1.0);
    }

    @Test
    void thresholdedPredictionsChooseLabelsByTheSecondClassProbability() {
        Predictions p = Predictions.ofFlat(BINARY, new double[] {0.7, 0.3, 0.4, 0.6, 0.9, 0.1});
        assertThat(p.labels()).containsExactly("no", "yes", "no");
        Predictions t = p.withThreshold(0.25);
        assertThat(t.labels()).containsExactly("yes", "yes", "no");
        assertThat(t.probabilities(0)).containsExactly(0.7, 0.3);
        assertThat(t.threshold()).isEqualTo(0.25);
        assertThatThrownBy(() -> p.withThreshold(1.0)).isInstanceOf(IllegalArgumentException.class);
        Predictions three = Predictions.ofFlat(new Classification(List.of("a", "b", "c")), new double[] {0.2, 0.3, 0.5});
        assertThatThrownBy(() -> three.withThreshold(0.3)).isInstanceOf(IllegalStateException.class);
        assertThat(Metrics.forName("f1").usesDecisionThreshold()).isTrue();
        assertThat(Metrics.forName("auc").usesDecisionThreshold()).isFalse();
    }
}
