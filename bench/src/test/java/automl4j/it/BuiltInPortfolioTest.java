package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Portfolio;
import automl4j.space.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in portfolio, carried by the learner modules since issue 15, merged from all of them; since issue 16
 * derived from the meta-learning suite only ({@code ../shared/datasets/meta}), never from the benchmark suite it is
 * scored on.
 */
class BuiltInPortfolioTest {
    private static final Task BINARY = new automl4j.data.Classification(List.of("no", "yes"));
    private static final Task MULTICLASS = new automl4j.data.Classification(List.of("a", "b", "c"));
    private static final Task REGRESSION = new automl4j.data.Regression();
    private static final Path SHARED = Path.of("..", "..", "shared", "datasets");

    /** The portfolio as {@code automl portfolio} wrote it (issue 16), before it was split among the learner modules. */
    private static Portfolio recorded() throws IOException {
        try (InputStream in = BuiltInPortfolioTest.class.getResourceAsStream("/recorded/portfolio-issue16.json")) {
            assertThat(in).as("the portfolio derived for issue 16").isNotNull();
            return Portfolio.fromJson(in.readAllBytes());
        }
    }

    @Test
    void mergedFromEveryLearnerModuleItIsTheDerivedPortfolio() throws IOException {
        Portfolio merged = Portfolio.builtIn();
        assertThat(merged.configs()).isEqualTo(recorded().configs());
        assertThat(merged.derived()).isEqualTo(recorded().derived());
        assertThat(merged.toJson()).isEqualTo(recorded().toJson());   // the journal's settings fingerprint hashes this
    }

    /** The dataset names in the derivation's provenance: {@code ... on [a, b, c] (meta/suite.json), date}. */
    private static List<String> derivedFrom(Portfolio p) {
        String d = p.derived();
        int open = d.indexOf('[');
        int close = d.indexOf(']', open);
        assertThat(open).as("provenance lists its datasets: %s", d).isNotNegative();
        return Arrays.stream(d.substring(open + 1, close).split(",")).map(String::trim).toList();
    }

    private static Set<String> suiteNames(Path suite) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(suite));
        Set<String> names = new HashSet<>();
        root.get("datasets").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    @Test
    void itWasDerivedFromTheMetaLearningSuiteOnlyOnEveryRow() throws IOException {
        Portfolio p = Portfolio.builtIn();
        assertThat(p.derived()).contains("--all-rows").contains("(meta/suite.json)");
        List<String> datasets = derivedFrom(p);
        assertThat(datasets).hasSizeGreaterThan(20);
        Assumptions.assumeTrue(Files.isReadable(SHARED.resolve("suite.json")) && Files.isReadable(SHARED.resolve("meta/suite.json")),
                "../shared/datasets is not beside the project: the suites' names cannot be checked");
        assertThat(new HashSet<>(datasets)).as("datasets of the benchmark suite").doesNotContainAnyElementsOf(suiteNames(SHARED.resolve("suite.json")));
        assertThat(suiteNames(SHARED.resolve("meta/suite.json"))).containsAll(datasets);
    }

    @Test
    void leavingLearnersOutLeavesOutTheirEntriesAndKeepsTheOrderOfTheRest() throws IOException {
        String left = recorded().forTask(BINARY).get(0).learner();
        List<Learner> without = Learners.discovered().stream().filter(l -> !l.id().equals(left)).toList();
        Portfolio portfolio = Portfolio.builtIn(without);
        for (Task task : List.of(BINARY, MULTICLASS, REGRESSION)) {
            List<Config> expected = new ArrayList<>(recorded().forTask(task).stream().filter(c -> !c.learner().equals(left)).toList());
            assertThat(portfolio.forTask(task)).isEqualTo(expected);
        }
        assertThat(portfolio.forTask(BINARY)).hasSizeLessThan(recorded().forTask(BINARY).size());
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
