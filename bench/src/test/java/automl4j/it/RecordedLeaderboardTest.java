package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

/**
 * Leaderboards recorded before the architecture change of issue 15 (commit 32bbccb): a seed and a max-trials budget
 * must keep giving the same trials, configs, outcomes and scores, digit for digit, with the default searcher, pruning
 * and ensemble, on 1, 2 and 4 slots, in-process and in worker processes.
 *
 * <p>Recorded again once, on purpose, for issue 18: XGBoost's softmax is now computed in Java from its margins (so that
 * automl4j-scoring predicts the same bits on every platform), which moved the multiclass log loss of the two xgboost
 * trials and the ensemble in their last digits (0.07543655440511188 became 0.07543655440508187); every trial, config,
 * outcome and the order stayed the same, and binary and regression did not change.
 *
 * <p>To record again on purpose (a change that is meant to change results): run with
 * {@code -Dautoml4j.record=<folder>} and copy the files written there into {@code src/test/resources/recorded}.
 */
class RecordedLeaderboardTest {
    /** The learners of the recording, by id, so that a learner added later does not change the run. */
    private static final List<String> LEARNERS = List.of("xgboost", "tribuo-linear-sgd", "tribuo-extra-trees", "smile-random-forest", "smile-logistic", "smile-knn");

    private static List<Learner> learners() {
        var byId = Learners.byId(Learners.discovered());
        List<Learner> out = new ArrayList<>();
        for (String id : LEARNERS) {
            out.add(byId.get(id));
        }
        return out;
    }

    /**
     * The built-in portfolio of the recording. Issue 16 derives the built-in one from other data; the recorded runs
     * keep the portfolio they were made with, so that they keep checking the search rather than the portfolio's data.
     */
    private static Portfolio recordedPortfolio() throws IOException {
        try (InputStream in = RecordedLeaderboardTest.class.getResourceAsStream("/recorded/portfolio-before-issue15.json")) {
            assertThat(in).as("the portfolio of the recording").isNotNull();
            return Portfolio.fromJson(in.readAllBytes());
        }
    }

    private static List<String> signature(AutoMlRun run) {
        List<String> rows = new ArrayList<>();
        for (TrialResult r : run.leaderboard().rows()) {
            rows.add(r.trial().id() + " " + r.trial().config() + " " + r.outcome().status() + " "
                    + (r.completed() == null ? "" : Double.toString(r.completed().score())));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} on {1} slots in {2}")
    @CsvSource({
        "binary, 1, IN_PROCESS", "binary, 2, IN_PROCESS", "binary, 4, IN_PROCESS", "binary, 2, WORKERS",
        "multiclass, 1, IN_PROCESS", "multiclass, 4, WORKERS",
        "regression, 1, IN_PROCESS", "regression, 2, WORKERS"})
    void aSeedAndMaxTrialsGiveTheLeaderboardRecordedBeforeTheRedesign(String task, int slots, Isolation isolation) throws IOException {
        TaskData data = switch (task) {
            case "binary" -> TaskData.of(DefaultDataset.generate(500, 11), DefaultDataset.TARGET);
            case "multiclass" -> {
                Table t = DefaultDataset.generate(500, 12).removeColumns(DefaultDataset.TARGET);
                yield TaskData.of(t.dropWhere(t.stringColumn("plan").isMissing()), "plan");
            }
            default -> TaskData.of(DefaultDataset.generate(500, 13).removeColumns(DefaultDataset.TARGET), "tenure_months");
        };
        AutoMlRun run = AutoMl.builder().seed(21).budget(Budget.ofTrials(16)).learners(learners()).isolation(isolation)
                .portfolio(recordedPortfolio()).workerHeapMb(256).cores(slots).build().fit(data);
        List<String> actual = signature(run);
        String name = task + ".txt";
        String record = System.getProperty("automl4j.record");
        if (record != null) {
            Files.createDirectories(Path.of(record));
            Files.write(Path.of(record, name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = RecordedLeaderboardTest.class.getResourceAsStream("/recorded/" + name)) {
            assertThat(in).as("recorded leaderboard %s", name).isNotNull();
            List<String> expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(actual).isEqualTo(expected);
        }
    }
}
