package automl4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Target;
import automl4j.data.TaskType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationPlanTest {
    @Test
    void mediumDataGetsStratifiedFiveFoldCrossValidation() {
        double[] y = new double[1000];
        for (int i = 0; i < 1000; i++) {
            y[i] = i < 200 ? 1 : 0;
        }
        ValidationPlan plan = ValidationPlan.choose(new Target("y", TaskType.BINARY, List.of("a", "b")), y, 3);
        assertThat(plan.description()).isEqualTo("5-fold cross-validation");
        assertThat(plan.splits()).hasSize(5);
        int[] seen = new int[1000];
        for (ValidationPlan.Split s : plan.splits()) {
            assertThat(s.valid().length + s.train().length).isEqualTo(1000);
            long positives = Arrays.stream(s.valid()).filter(i -> y[i] == 1).count();
            assertThat(positives).isEqualTo(40);
            for (int i : s.valid()) {
                seen[i]++;
            }
        }
        assertThat(seen).containsOnly(1);
    }

    @Test
    void smallDataGetsTwoRepeatsOfFiveFoldsWithDifferentFolds() {
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 20 ? 1 : 0;
        }
        ValidationPlan plan = ValidationPlan.choose(new Target("y", TaskType.BINARY, List.of("a", "b")), y, 3);
        assertThat(plan.description()).isEqualTo("2 x 5-fold cross-validation");
        assertThat(plan.splits()).hasSize(10);
        int[] seen = new int[100];
        for (ValidationPlan.Split s : plan.splits()) {
            assertThat(Arrays.stream(s.valid()).filter(i -> y[i] == 1).count()).isEqualTo(4);
            for (int i : s.valid()) {
                seen[i]++;
            }
        }
        assertThat(seen).containsOnly(2);
        // The second repeat deals the rows out differently.
        assertThat(plan.splits().get(5).valid()).isNotEqualTo(plan.splits().get(0).valid());
    }

    @Test
    void largeDataGetsOneHoldout() {
        double[] y = IntStream.range(0, 5000).mapToDouble(i -> i).toArray();
        ValidationPlan plan = ValidationPlan.choose(new Target("y", TaskType.REGRESSION, List.of()), y, 1);
        assertThat(plan.splits()).hasSize(1);
        assertThat(plan.splits().get(0).valid().length).isEqualTo(1000);
    }

    @Test
    void sameSeedSameSplits() {
        double[] y = IntStream.range(0, 300).mapToDouble(i -> i % 3).toArray();
        Target t = new Target("y", TaskType.MULTICLASS, List.of("a", "b", "c"));
        assertThat(ValidationPlan.choose(t, y, 9).splits().get(2).valid())
                .isEqualTo(ValidationPlan.choose(t, y, 9).splits().get(2).valid());
    }
}
