package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.execute.RowRungs;
import automl4j.execute.TrialOutcome;
import automl4j.journal.Journal;
import automl4j.journal.JournalEvent;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Budget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training-fraction fidelity end to end: on a table whose holdout trains on 20,000 rows (two row rungs: 10,000
 * and all), trials that are not among the best at the first rung stop there, the leaderboard and the journal say the
 * rows they reached, and an interrupted run resumes to the same leaderboard.
 */
class RowFidelityTest {
    @TempDir
    Path dir;

    /** 25,000 rows: an 80/20 holdout that trains on 20,000. */
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(25_000, 5), DefaultDataset.TARGET);

    private static AutoMl.Builder base() {
        List<Learner> learners = new ArrayList<>();
        for (Learner l : Learners.discovered()) {
            if (List.of("xgboost", "smile-logistic").contains(l.id())) {
                learners.add(l);
            }
        }
        return AutoMl.builder().seed(5).budget(Budget.ofTrials(12)).learners(learners).ensembleRounds(0).cores(2)
                .isolation(Isolation.IN_PROCESS);
    }

    private static List<String> signature(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " " + r.outcome().status() + " "
                + (r.completed() != null ? r.completed().score() + " " + r.completed().rungScores()
                : r.outcome() instanceof TrialOutcome.Pruned p ? p.partialScore() + " " + p.rows() : "")).sorted().toList();
    }

    @Test
    void trialsBehindTheBestAtTheFirstRungStopThereAndSayWhere() throws IOException {
        Path journal = dir.resolve("run.jsonl");
        AutoMlRun run = base().journal(journal).build().fit(DATA);

        List<TrialResult> rows = run.leaderboard().rows();
        List<TrialOutcome.Pruned> atRung = rows.stream().map(TrialResult::outcome)
                .filter(o -> o instanceof TrialOutcome.Pruned p && p.atRowRung()).map(o -> (TrialOutcome.Pruned) o).toList();
        assertThat(atRung).as("trials stopped at the first row rung").isNotEmpty();
        assertThat(atRung).allSatisfy(p -> {
            assertThat(p.rows()).isEqualTo(RowRungs.FIRST_ROWS);
            assertThat(p.rungScores()).hasSize(1).containsExactly(p.partialScore());
        });
        // Completed trials reached all rows, through the first rung; they alone are ranked.
        assertThat(rows.stream().filter(r -> r.completed() != null)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.completed().rungScores()).hasSize(1));
        String board = run.leaderboard().toString();
        assertThat(board).contains("pruned at a sample of 10000 training rows (row rung 1)");
        assertThat(Leaderboard.detail(atRung.get(0))).contains("10000 training rows");

        List<TrialOutcome> journaled = Journal.read(journal).events().stream()
                .filter(e -> e instanceof JournalEvent.TrialFinished).map(e -> ((JournalEvent.TrialFinished) e).outcome()).toList();
        assertThat(journaled.stream().filter(o -> o instanceof TrialOutcome.Pruned p && p.atRowRung()).map(o -> ((TrialOutcome.Pruned) o).rows()))
                .as("the journal records the rows each stopped trial reached").hasSameSizeAs(atRung).containsOnly(RowRungs.FIRST_ROWS);
    }

    @Test
    void aRunWithRowRungsResumesToTheLeaderboardOfAnUninterruptedOne() throws IOException {
        Path full = dir.resolve("full.jsonl");
        AutoMlRun uninterrupted = base().journal(full).build().fit(DATA);
        List<String> lines = Files.readAllLines(full, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int finished = 0;
        for (String line : lines) {
            if (finished == 7) {
                break;
            }
            kept.append(line).append('\n');
            finished += line.contains("\"trial_finished\"") ? 1 : 0;
        }
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), kept, StandardCharsets.UTF_8);

        AutoMlRun resumed = base().journal(cut).build().resume(DATA);

        assertThat(signature(resumed)).isEqualTo(signature(uninterrupted));
        assertThat(Journal.read(cut).prior().finished()).hasSize(12);
    }
}
