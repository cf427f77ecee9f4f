package automl4j.data;

import static org.assertj.core.api.Assertions.assertThat;

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
        ValidationPlan plan = new Classification(List.of("a", "b")).validation(y, 3);
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
        ValidationPlan plan = new Classification(List.of("a", "b")).validation(y, 3);
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
        ValidationPlan plan = new Regression().validation(y, 1);
        assertThat(plan.splits()).hasSize(1);
        assertThat(plan.splits().get(0).valid().length).isEqualTo(1000);
    }

    @Test
    void sameSeedSameSplits() {
        double[] y = IntStream.range(0, 300).mapToDouble(i -> i % 3).toArray();
        Task t = new Classification(List.of("a", "b", "c"));
        assertThat(t.validation(y, 9).splits().get(2).valid())
                .isEqualTo(t.validation(y, 9).splits().get(2).valid());
    }

    @Test
    void regressionFoldsTakeOneOfEachFiveNeighboursInTargetOrder() {
        double[] y = IntStream.range(0, 1000).mapToDouble(i -> 999 - i).toArray();
        int[] fold = ValidationPlan.foldsByValue(y, 5, 4);
        for (int block = 0; block < 1000; block += 5) {
            int[] foldsOfBlock = new int[5];
            for (int j = 0; j < 5; j++) {
                foldsOfBlock[j] = fold[999 - (block + j)];   // position of the (block + j)-th smallest value
            }
            assertThat(foldsOfBlock).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void eachTaskStratifiesItsOwnWay() {
        double[] y = IntStream.range(0, 600).mapToDouble(i -> i % 3).toArray();
        assertThat(ValidationPlan.foldsByClass(y, 5, 5)).isNotEqualTo(ValidationPlan.foldsByValue(y, 5, 5));
        assertThat(new Classification(List.of("a", "b", "c")).validation(y, 5).splits().get(0).valid())
                .isEqualTo(ValidationPlan.bySize(y, 5, ValidationPlan::foldsByClass).splits().get(0).valid());
        assertThat(new Regression().validation(y, 5).splits().get(0).valid())
                .isEqualTo(ValidationPlan.bySize(y, 5, ValidationPlan::foldsByValue).splits().get(0).valid());
    }
}
