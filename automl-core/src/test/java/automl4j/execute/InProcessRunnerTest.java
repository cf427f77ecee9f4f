package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-process runner keeps the {@link TrialRunner} contract. */
class InProcessRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new InProcessRunner(TrialExecutor.of(capacity, 1), splits, learners(), metrics(), PredictionSink.NONE);
    }

    @Test
    void capacityIsTheExecutorsSlotsNotItsCores() {
        try (TrialRunner r = new InProcessRunner(TrialExecutor.of(3, 2), splits(), learners(), metrics(), PredictionSink.NONE)) {
            assertThat(r.capacity()).isEqualTo(3);
        }
    }
}
