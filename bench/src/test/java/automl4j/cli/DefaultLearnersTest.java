package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.learn.Learner;
import automl4j.learn.Learners;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultLearnersTest {
    private static List<String> ids(List<Learner> learners) {
        return learners.stream().map(Learner::id).toList();
    }

    @Test
    void aLearnerNotSearchedByDefaultIsLeftOutUnlessNamed() {
        assertThat(ids(Learners.discovered())).contains("lightgbm", "xgboost");
        assertThat(ids(RunExecution.resolveLearners(List.of()))).contains("xgboost").doesNotContain("lightgbm")
                .hasSize(Learners.discovered().size() - 1);
        assertThat(ids(RunExecution.resolveLearners(List.of("lightgbm", "xgboost")))).containsExactly("lightgbm", "xgboost");
    }
}
