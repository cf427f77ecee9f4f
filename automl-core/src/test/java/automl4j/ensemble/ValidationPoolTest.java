package automl4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidationPoolTest {
    @Test
    void keepsTheBestOverallAndTheBestOfEachLearnerWhateverTheOrder() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(i);
        }
        List<List<Integer>> kept = new ArrayList<>();
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(ids, new Random(shuffle));
            ValidationPool pool = new ValidationPool(4, 2);
            for (int id : ids) {
                // Learner "a" holds trials 0..24 with losses 0..24, learner "b" trials 25..29 with losses 100..104.
                pool.offer(id, id < 25 ? "a" : "b", id < 25 ? id : 75 + id, new float[] {id});
            }
            kept.add(pool.entries().stream().map(ValidationPool.Entry::trialId).toList());
        }
        assertThat(kept).allSatisfy(k -> assertThat(k).containsExactly(0, 1, 2, 3, 25, 26));
    }

    @Test
    void failedTrialsAreNotKept() {
        ValidationPool pool = new ValidationPool(4, 2);
        pool.offer(0, "a", Double.NaN, new float[] {1});
        assertThat(pool.entries()).isEmpty();
    }
}
