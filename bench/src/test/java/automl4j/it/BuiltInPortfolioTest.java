package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Portfolio;
import automl4j.space.Config;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in portfolio, carried by the learner modules since issue 15, merged from all of them. */
class BuiltInPortfolioTest {
    private static final Task BINARY = new automl4j.data.Classification(List.of("no", "yes"));
    private static final Task MULTICLASS = new automl4j.data.Classification(List.of("a", "b", "c"));
    private static final Task REGRESSION = new automl4j.data.Regression();

    private static Portfolio recorded() throws IOException {
        try (InputStream in = BuiltInPortfolioTest.class.getResourceAsStream("/recorded/portfolio-before-issue15.json")) {
            assertThat(in).as("the portfolio file of automl-core before issue 15").isNotNull();
            return Portfolio.fromJson(in.readAllBytes());
        }
    }

    @Test
    void mergedFromEveryLearnerModuleItIsThePortfolioBeforeTheSplit() throws IOException {
        Portfolio merged = Portfolio.builtIn();
        assertThat(merged.configs()).isEqualTo(recorded().configs());
        assertThat(merged.derived()).isEqualTo(recorded().derived());
        assertThat(merged.toJson()).isEqualTo(recorded().toJson());   // the journal's settings fingerprint hashes this
    }

    @Test
    void leavingLearnersOutLeavesOutTheirEntriesAndKeepsTheOrderOfTheRest() throws IOException {
        List<Learner> withoutSmile = Learners.discovered().stream().filter(l -> !l.id().startsWith("smile-")).toList();
        Portfolio portfolio = Portfolio.builtIn(withoutSmile);
        for (Task task : List.of(BINARY, MULTICLASS, REGRESSION)) {
            List<Config> expected = recorded().forTask(task).stream().filter(c -> !c.learner().startsWith("smile-")).toList();
            assertThat(portfolio.forTask(task)).isEqualTo(expected);
        }
        assertThat(portfolio.forTask(BINARY)).hasSizeLessThan(recorded().forTask(BINARY).size()).isNotEmpty();
    }

    @Test
    void eachLearnerModuleShipsExactlyItsShareOfTheRecordedPortfolio() throws IOException {
        for (Learner learner : Learners.discovered()) {
            try (InputStream in = learner.getClass().getResourceAsStream("/automl4j/portfolio/" + learner.id() + ".json")) {
                byte[] shipped = in == null ? recorded().toLearnerJson("none") : in.readAllBytes();
                assertThat(Portfolio.fromJson(shipped).configs().values().stream().flatMap(List::stream).toList())
                        .as(learner.id()).isEqualTo(Portfolio.fromJson(recorded().toLearnerJson(learner.id())).configs()
                                .values().stream().flatMap(List::stream).toList());
            }
        }
    }
}
