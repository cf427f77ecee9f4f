package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scoring turns: taken at once when free, waited for within the deadline, refused when the queue is full. */
class AdmissionGateTest {
    @Test
    void aRequestThatWaitsItsWholeTimeoutForATurnIsRefusedWith503() {
        AdmissionGate gate = new AdmissionGate(1, 4);
        gate.enter(System.nanoTime() + 1_000_000_000L);
        assertThat(gate.active()).isEqualTo(1);
        assertThatThrownBy(() -> gate.enter(System.nanoTime() + 200_000_000L)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getMessage()).contains("waited its whole timeout"));
        assertThat(gate.waiting()).isZero();
        gate.exit();
        gate.enter(System.nanoTime() + 1_000_000_000L);
        gate.exit();
    }

    @Test
    void aFullQueueIsRefusedAtOnce() {
        AdmissionGate gate = new AdmissionGate(1, 0, "full");
        gate.enter(System.nanoTime() + 1_000_000_000L);
        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.enter(System.nanoTime() + 5_000_000_000L)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getMessage()).isEqualTo("full"));
        assertThat(System.nanoTime() - start).as("no wait").isLessThan(1_000_000_000L);
        gate.exit();
    }
}
