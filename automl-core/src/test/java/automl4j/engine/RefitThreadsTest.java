package automl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refit runs on one thread, as its trials did, and takes the run's cores only when one would miss the deadline. */
class RefitThreadsTest {
    @Test
    void aRefitThatFitsBeforeTheDeadlineRunsOnOneThread() {
        assertThat(Refitter.threadsFor(0.5, 3.0, 2)).isEqualTo(1);
        assertThat(Refitter.threadsFor(2.0, 3.0, 8)).isEqualTo(1);
    }

    @Test
    void aRefitThatWouldMissTheDeadlineOnOneThreadTakesEveryCore() {
        assertThat(Refitter.threadsFor(2.5, 3.0, 8)).isEqualTo(8);
        assertThat(Refitter.threadsFor(1.0, -0.5, 2)).isEqualTo(2);
        assertThat(Refitter.threadsFor(Double.NaN, 3.0, 4)).isEqualTo(4);
    }

    @Test
    void oneCoreIsOneThreadWhateverTheTime() {
        assertThat(Refitter.threadsFor(100, 1, 1)).isEqualTo(1);
    }
}
