package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Regression;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    @Test
    void probabilitiesGoFlatRowByRowAndBack() {
        Classification task = new Classification(List.of("a", "b", "c"));
        Predictions p = Predictions.ofProbabilities(task, task.classes(), new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}});
        assertThat(p.toFlat()).containsExactly(0.2, 0.5, 0.3, 0.6, 0.1, 0.3);
        Predictions back = Predictions.ofFlat(task, p.toFlat());
        assertThat(back.hasProbabilities()).isTrue();
        assertThat(back.labels()).containsExactly("b", "a");
        assertThat(back.probabilities(1)).containsExactly(0.6, 0.1, 0.3);
    }

    @Test
    void valuesGoFlatAsThemselves() {
        Predictions back = Predictions.ofFlat(new Regression(), Predictions.ofValues(new double[] {1.5, -2}).toFlat());
        assertThat(back.hasProbabilities()).isFalse();
        assertThat(back.value(1)).isEqualTo(-2.0);
    }

    @Test
    void aFlatArrayMustHoldWholeRows() {
        assertThatThrownBy(() -> Predictions.ofFlat(new Classification(List.of("a", "b")), new double[] {0.5, 0.5, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a flat binary prediction needs a multiple of 2 numbers, but had 3");
    }
}
