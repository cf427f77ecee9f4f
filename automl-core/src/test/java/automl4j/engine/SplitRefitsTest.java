package automl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.ValidationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held-out refits use each row once: the first repeat of repeated cross-validation only. */
class SplitRefitsTest {
    @Test
    void repeatedCrossValidationKeepsOnlyItsFirstRepeat() {
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2;
        }
        ValidationPlan plan = ValidationPlan.bySize(y, 3, ValidationPlan::foldsByClass);
        assertThat(plan.splits()).hasSize(ValidationPlan.REPEATS * ValidationPlan.FOLDS);
        List<ValidationPlan.Split> first = SplitRefits.firstRepeat(plan.splits(), y.length);
        assertThat(first).hasSize(ValidationPlan.FOLDS);
        assertThat(first.stream().mapToInt(s -> s.valid().length).sum()).isEqualTo(y.length);
    }

    @Test
    void aHoldoutIsOneSplit() {
        int[] train = java.util.stream.IntStream.range(0, 80).toArray();
        int[] valid = java.util.stream.IntStream.range(80, 100).toArray();
        List<ValidationPlan.Split> one = List.of(new ValidationPlan.Split(train, valid));
        assertThat(SplitRefits.firstRepeat(one, 100)).hasSize(1);
    }
}
