package automl4j.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static Predictions binary(double... p1) {
        double[][] p = new double[p1.length][];
        for (int i = 0; i < p1.length; i++) {
            p[i] = new double[] {1 - p1[i], p1[i]};
        }
        return Predictions.ofProbabilities(new Classification(List.of("a", "b")), List.of("a", "b"), p);
    }

    @Test
    void aucCountsTiesAsHalf() {
        Labels y = Labels.of(new double[] {0, 1, 0, 1});
        assertThat(Metrics.rocAuc().score(y, binary(0.1, 0.9, 0.2, 0.8))).isEqualTo(1.0);
        assertThat(Metrics.rocAuc().score(y, binary(0.5, 0.5, 0.5, 0.5))).isEqualTo(0.5);
        assertThat(Metrics.rocAuc().score(y, binary(0.1, 0.5, 0.5, 0.9))).isEqualTo(0.875);
    }

    @Test
    void logLossClipsZeroProbabilitiesAndUnseenLabels() {
        Labels y = Labels.of(new double[] {1, -1});
        double expected = (-Math.log(1e-15) * 2) / 2;
        assertThat(Metrics.logLoss().score(y, binary(0.0, 0.5))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void rmseAndR2() {
        Labels y = Labels.of(new double[] {1, 2, 3});
        Predictions p = Predictions.ofValues(new double[] {1, 2, 4});
        assertThat(Metrics.rmse().score(y, p)).isCloseTo(Math.sqrt(1 / 3.0), within(1e-12));
        assertThat(Metrics.r2().score(y, p)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void accuracyBreaksTiesTowardTheFirstClass() {
        Labels y = Labels.of(new double[] {0, 1});
        assertThat(Metrics.accuracy().score(y, binary(0.5, 0.7))).isEqualTo(1.0);
    }

    @Test
    void unknownMetricListsTheKnownOnes() {
        assertThatThrownBy(() -> Metrics.forName("f2")).hasMessageContaining("'f2' is unknown").hasMessageContaining("auc");
    }

    @Test
    void metricsDeclareTheirTasks() {
        assertThat(Metrics.rocAuc().supports(new Classification(List.of("a", "b", "c")))).isFalse();
        assertThat(Metrics.rmse().supports(new Regression())).isTrue();
        assertThat(Metrics.defaultFor(new Classification(List.of("a", "b", "c"))).name()).isEqualTo("logloss");
    }
}
