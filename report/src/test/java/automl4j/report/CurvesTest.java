package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {
    private static final boolean[] Y = {true, false, true, false, true};
    private static final double[] S = {0.9, 0.8, 0.7, 0.3, 0.3};

    @Test
    void rocStepsThroughEachDistinctThreshold() {
        List<Curves.Point> roc = Curves.roc(Y, S);
        assertThat(roc).containsExactly(new Curves.Point(0, 0), new Curves.Point(0, 1.0 / 3), new Curves.Point(0.5, 1.0 / 3),
                new Curves.Point(0.5, 2.0 / 3), new Curves.Point(1, 1));
        // the area under it is the AUC: trapezoids
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).x() - roc.get(i - 1).x()) * (roc.get(i).y() + roc.get(i - 1).y()) / 2;
        }
        assertThat(area).isCloseTo(3.5 / 6, within(1e-12));   // 3.5 of the 6 positive-negative pairs ordered right
    }

    @Test
    void precisionRecallAndGain() {
        assertThat(Curves.precisionRecall(Y, S)).containsExactly(new Curves.Point(1.0 / 3, 1), new Curves.Point(1.0 / 3, 0.5),
                new Curves.Point(2.0 / 3, 2.0 / 3), new Curves.Point(1, 0.6));
        List<Curves.Point> gain = Curves.gain(Y, S, 5);
        assertThat(gain.get(0)).isEqualTo(new Curves.Point(0, 0));
        assertThat(gain.get(gain.size() - 1)).isEqualTo(new Curves.Point(1, 1));
        assertThat(gain).contains(new Curves.Point(0.2, 1.0 / 3), new Curves.Point(0.6, 2.0 / 3));
    }

    @Test
    void calibrationBinsByPredictedProbability() {
        List<Curves.Bin> bins = Curves.calibration(Y, S, 2);
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).rows()).isEqualTo(2);
        assertThat(bins.get(0).observed()).isCloseTo(0.5, within(1e-12));
        assertThat(bins.get(1).predicted()).isCloseTo(0.8, within(1e-12));
        assertThat(bins.get(1).observed()).isCloseTo(2.0 / 3, within(1e-12));
    }
}
