package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
    private static List<double[]> trials(int count) {
        // Trial t has loss t + 0.1 * split on each of 5 splits: the median trial of 0..count-1 is (count-1)/2.
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] losses = new double[5];
            for (int s = 0; s < 5; s++) {
                losses[s] = t + 0.1 * s;
            }
            out.add(losses);
        }
        return out;
    }

    @Test
    void aTrialStopsWhenWorseThanTheUpperQuartileAfterOneSplitOrTheMedianAfterTwo() {
        Pruning rule = Pruning.from(trials(9), 5);   // upper quartile 6.0 after split 0; median 4.05 after split 1
        assertThat(rule.thresholds()[0]).isEqualTo(6.0);
        assertThat(rule.thresholds()[1]).isEqualTo(4.05);
        assertThat(rule.stops(new double[] {6.01}, 0)).isTrue();
        assertThat(rule.stops(new double[] {6.0}, 0)).isFalse();
        assertThat(rule.stops(new double[] {3.0, 5.2}, 1)).isTrue();    // mean 4.1 > 4.05
        assertThat(rule.stops(new double[] {3.0, 5.0}, 1)).isFalse();   // mean 4.0
        // Only the rungs prune: never after the third or later split.
        assertThat(rule.stops(new double[] {9, 9, 9}, 2)).isFalse();
    }

    @Test
    void quantilesInterpolateBetweenNeighbours() {
        assertThat(Pruning.quantile(List.of(4.0, 1.0, 3.0, 2.0), 0.5)).isEqualTo(2.5);
        assertThat(Pruning.quantile(List.of(4.0, 1.0, 3.0, 2.0), 0.75)).isEqualTo(3.25);
        assertThat(Pruning.quantile(List.of(7.0), 0.75)).isEqualTo(7.0);
    }

    @Test
    void fewerThanEightComparableTrialsOrASingleSplitNeverPrune() {
        assertThat(Pruning.from(trials(7), 5).stops(new double[] {100}, 0)).isFalse();
        assertThat(Pruning.from(List.of(), 5).stops(new double[] {100}, 0)).isFalse();
        List<double[]> holdout = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            holdout.add(new double[] {t});
        }
        assertThat(Pruning.from(holdout, 1).stops(new double[] {100}, 0)).isFalse();
    }

    @Test
    void prunedTrialsCountAtTheRungsTheyReachedSoTheMedianIsNotOfSurvivorsOnly() {
        List<double[]> visible = new ArrayList<>(trials(4));            // losses 0..3 at split 0, all completed
        for (int t = 0; t < 6; t++) {
            visible.add(new double[] {10 + t});                          // pruned after split 0
        }
        Pruning rule = Pruning.from(visible, 5);
        // Rung 0: upper quartile of 0, 1, 2, 3, 10..15 = 12.75, where the survivors alone would give 2.25; rung 1 has
        // only the 4 completed trials: no pruning there.
        assertThat(rule.thresholds()[0]).isEqualTo(12.75);
        assertThat(rule.thresholds()[1]).isNaN();
    }
}
