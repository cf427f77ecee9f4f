package automl4j.toyrunner;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.SplitStore;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerContract;
import org.junit.jupiter.api.Test;

/** A runner written with public types only, outside the core's package, keeps the {@link TrialRunner} contract. */
class FreshThreadRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new FreshThreadRunner(capacity, splits);
    }

    @Test
    void capacityIsWhatItWasBuiltWith() {
        try (TrialRunner r = new FreshThreadRunner(5, splits())) {
            assertThat(r.capacity()).isEqualTo(5);
        }
    }
}
