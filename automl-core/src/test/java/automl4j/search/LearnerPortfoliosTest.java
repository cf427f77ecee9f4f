package automl4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnerPortfoliosTest {
    private static final Task BINARY = new automl4j.data.Classification(List.of("no", "yes"));
    private static final Task MULTICLASS = new automl4j.data.Classification(List.of("a", "b", "c"));
    private static final Task REGRESSION = new automl4j.data.Regression();

    /** A learner whose portfolio entries are the test resource {@code automl4j/portfolio/<id>.json}, if any. */
    private record Toy(String id) implements Learner {
        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(automl4j.data.Classification.class, automl4j.data.Regression.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of();
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            throw new UnsupportedOperationException("not fitted in this test");
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("not loaded in this test");
        }
    }

    private static Config k(String learner, int k) {
        return Config.of(learner, Map.of("k", k));
    }

    @Test
    void mergesTheLearnersEntriesByRank() {
        Portfolio p = Portfolio.builtIn(List.of(new Toy("toy-b"), new Toy("toy-a"), new Toy("toy-without-entries")));
        assertThat(p.forTask(BINARY)).containsExactly(k("toy-a", 1), k("toy-b", 2), k("toy-a", 3));
        assertThat(p.forTask(REGRESSION)).containsExactly(k("toy-b", 4));
        assertThat(p.forTask(MULTICLASS)).isEmpty();
        assertThat(p.derived()).isEqualTo("by hand, for LearnerPortfoliosTest");
    }

    @Test
    void aLearnerLeftOutTakesItsEntriesWithIt() {
        Portfolio p = Portfolio.builtIn(List.of(new Toy("toy-a")));
        assertThat(p.forTask(BINARY)).containsExactly(k("toy-a", 1), k("toy-a", 3));
        assertThat(p.forTask(REGRESSION)).isEmpty();
    }

    @Test
    void aLearnersShareKeepsItsRanksInTheMergedList() throws IOException {
        Portfolio p = Portfolio.builtIn(List.of(new Toy("toy-a"), new Toy("toy-b")));
        byte[] shareOfA = p.toLearnerJson("toy-a");
        assertThat(new String(shareOfA, java.nio.charset.StandardCharsets.UTF_8)).contains("\"rank\" : 2").doesNotContain("toy-b");
        assertThat(Portfolio.fromJson(shareOfA).forTask(BINARY)).containsExactly(k("toy-a", 1), k("toy-a", 3));
    }

    @Test
    void twoLearnersClaimingOneRankAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Portfolio.builtIn(List.of(new Toy("toy-b"), new Toy("toy-clash"))));
        assertThat(e).hasMessage("portfolio rank 1 of binary is claimed by both 'toy-b' and 'toy-clash' "
                + "(/automl4j/portfolio/toy-clash.json)");
    }

    @Test
    void anEntryOfAnotherLearnerNamesTheResource() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Portfolio.builtIn(List.of(new Toy("toy-wrong"))));
        assertThat(e.getMessage()).startsWith("/automl4j/portfolio/toy-wrong.json: each entry needs a 'rank' >= 0, "
                + "'learner' 'toy-wrong' and a 'values' object, but one was ");
    }
}
