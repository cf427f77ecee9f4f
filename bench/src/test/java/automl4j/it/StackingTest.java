package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.pipeline.Pipeline;
import automl4j.pipeline.Stack;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code search.stacking}: a stacked ensemble competes with the selected one, and exports as format version 4. */
class StackingTest {
    private static List<Learner> learners(String... ids) {
        return Learners.discovered().stream().filter(l -> List.of(ids).contains(l.id())).toList();
    }

    private static AutoMlRun run(boolean stacking) {
        return AutoMl.builder().seed(3).budget(Budget.ofTrials(16)).searcher(new RandomSearcher()).cores(2)
                .learners(learners("xgboost", "tribuo-linear-sgd", "smile-random-forest")).ensembleRounds(30).stacking(stacking)
                .build().fit(TaskData.of(DefaultDataset.generate(600, 8), DefaultDataset.TARGET));
    }

    private static String manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBetterOfTheTwoEnsemblesIsChosenAndItsScoreIsItsRow() {
        AutoMlRun without = run(false);
        AutoMlRun with = run(true);
        TrialResult best = with.bestTrial();
        // Stacking only adds a candidate: the trials are the same, and the chosen model validates at least as well.
        assertThat(with.leaderboard().rows().stream().filter(r -> !r.trial().config().learner().equals("ensemble")).count())
                .isEqualTo(without.leaderboard().rows().stream().filter(r -> !r.trial().config().learner().equals("ensemble")).count());
        assertThat(best.completed().score()).isGreaterThanOrEqualTo(without.bestTrial().completed().score());
        boolean stacked = "stack".equals(best.trial().config().values().get("combiner"));
        assertThat(with.best().pipeline().stack().isPresent()).isEqualTo(stacked);
    }

    @Test
    void aStackedPipelineExportsAsVersionFourAndPredictsTheSameAfterLoading(@TempDir Path dir) throws IOException {
        AutoMlRun run = run(false);
        Pipeline averaged = run.best().pipeline();
        assertThat(averaged.members()).hasSizeGreaterThan(1);
        Path plain = dir.resolve("plain.automl");
        run.best().exportTo(plain);
        assertThat(manifest(plain)).contains("\"format_version\" : 3").doesNotContain("\"stack\"");

        Pipeline stacked = new Pipeline(averaged.target(), averaged.members(), averaged.config(), averaged.info(),
                new Stack(0.8, List.of(0.25, -0.25)));
        Path file = dir.resolve("stacked.automl");
        new AutoMlModel(stacked).exportTo(file);
        assertThat(manifest(file)).contains("\"format_version\" : 4").contains("\"stack\"");
        AutoMlModel loaded = AutoMlModel.load(file);
        assertThat(loaded.pipeline().stack()).contains(stacked.stack().orElseThrow());
        Table rows = DefaultDataset.generate(50, 9);
        Predictions before = stacked.predict(rows);
        Predictions after = loaded.predict(rows);
        Predictions average = averaged.predict(rows);
        boolean differs = false;
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.probabilities(i)).containsExactly(before.probabilities(i));
            differs |= Math.abs(before.probabilities(i)[1] - average.probabilities(i)[1]) > 1e-6;
        }
        assertThat(differs).as("the stack changes the combination").isTrue();
        assertThat(Files.size(file)).isPositive();
    }
}
