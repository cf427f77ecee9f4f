package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoteSmoothingTest {
    @Test
    void aUnanimousVoteLeavesEveryClassAFloorAndKeepsTheOrder() {
        double[] p = VoteSmoothing.withUniformVote(new double[] {1.0, 0.0, 0.0}, 99);
        assertThat(p[1]).isCloseTo(1.0 / 300, within(1e-12));
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
        double[] q = VoteSmoothing.withUniformVote(new double[] {0.2, 0.5, 0.3}, 10);
        assertThat(q[1]).isGreaterThan(q[2]);
        assertThat(q[2]).isGreaterThan(q[0]);
    }
}
