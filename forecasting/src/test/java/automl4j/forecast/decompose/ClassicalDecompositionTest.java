package automl4j.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ClassicalDecompositionTest {
    @Test
    void centredMovingAverageWeighsTheEndsByHalfForEvenPeriods() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] even = ClassicalDecomposition.centredMovingAverage(x, 4);
        assertThat(even[1]).isNaN();
        assertThat(even[2]).isCloseTo((0.5 * 1 + 2 + 3 + 4 + 0.5 * 5) / 4, offset(1e-15));
        assertThat(even[5]).isCloseTo((0.5 * 4 + 5 + 6 + 7 + 0.5 * 8) / 4, offset(1e-15));
        assertThat(even[6]).isNaN();
        double[] odd = ClassicalDecomposition.centredMovingAverage(x, 3);
        assertThat(odd[0]).isNaN();
        assertThat(odd[1]).isEqualTo(2);
        assertThat(odd[6]).isEqualTo(7);
        assertThat(odd[7]).isNaN();
    }

    @Test
    void recoversExactMultiplicativeSeasonsAroundAFlatLevel() {
        double[] season = {1.2, 0.8, 1.1, 0.9};
        double[] x = new double[20];
        for (int t = 0; t < x.length; t++) {
            x[t] = 50 * season[t % 4];
        }
        ClassicalDecomposition d = ClassicalDecomposition.multiplicative(x, 4);
        assertThat(d.indices()).containsExactly(season, offset(1e-12));
        assertThat(d.adjust(x)).containsOnly(new double[] {50}, offset(1e-9));
        double[] f = {50, 50};
        d.reseasonalise(f, 21);
        assertThat(f).containsExactly(new double[] {50 * 0.8, 50 * 1.1}, offset(1e-9));
    }

    @Test
    void indicesAverageOneAndFollowTheHistorysStart() {
        double[] x = new double[30];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + t + (t % 3 == 1 ? 4 : 0);
        }
        double[] ind = ClassicalDecomposition.multiplicative(x, 3).indices();
        assertThat((ind[0] + ind[1] + ind[2]) / 3).isCloseTo(1, offset(1e-12));
        assertThat(ind[1]).isGreaterThan(ind[0]).isGreaterThan(ind[2] - 1e-9);
    }

    @Test
    void rejectsShortHistoriesAndBadIndices() {
        assertThatThrownBy(() -> ClassicalDecomposition.multiplicative(new double[7], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs >= 2 periods (8 values)");
        assertThatThrownBy(() -> ClassicalDecomposition.ofIndices(new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite and > 0");
    }

    @Test
    void zerosInTheTrendMakeTheIndicesUnusableAndTheAdjustmentTheIdentity() {
        double[] x = new double[24];
        for (int t = 12; t < 24; t++) {
            x[t] = t % 4 == 0 ? 8 : 2;
        }
        assertThat(ClassicalDecomposition.multiplicative(x, 4).isUsable()).isFalse();
        SeasonalAdjustment a = SeasonalAdjustment.of(x, 4, SeasonalityCheck.m4());
        assertThat(a.decomposition()).isEmpty();
        assertThat(a.adjust(x)).containsExactly(x);
    }
}
