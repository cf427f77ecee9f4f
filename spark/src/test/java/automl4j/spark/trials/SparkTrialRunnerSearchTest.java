package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.journal.Journal;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import automl4j.searchloop.RunListener;
import automl4j.spark.refit.RefitFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole search with its trials on Spark ({@code local[2]}) through {@code AutoMl.builder().trialRunner(..)}: the same
 * seed and max-trials budget give the same leaderboard (the same trials with the same scores, the ensemble built from the
 * predictions the executors sent back included) as in-process, and a run interrupted in-process resumes from its journal
 * on Spark to the leaderboard of the uninterrupted run.
 */
class SparkTrialRunnerSearchTest {
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(400, 2), DefaultDataset.TARGET);
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = RefitFixtures.start("SparkTrialRunnerSearchTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static AutoMl.Builder base() {
        List<Learner> learners = new ArrayList<>();
        for (Learner l : Learners.discovered()) {
            if (List.of("tribuo-linear-sgd", "tribuo-liblinear").contains(l.id())) {
                learners.add(l);
            }
        }
        return AutoMl.builder().seed(5).budget(Budget.ofTrials(10)).learners(learners).searcher(new RandomSearcher())
                .isolation(Isolation.IN_PROCESS).cores(2);
    }

    /** Each row: trial id, config, status and score, in leaderboard order. */
    private static List<String> signature(AutoMlRun run) {
        List<String> rows = new ArrayList<>();
        for (TrialResult r : run.leaderboard().rows()) {
            rows.add(r.trial().id() + " " + r.trial().config() + " " + r.outcome().status() + " "
                    + (r.completed() == null ? "" : Double.toString(r.completed().score())));
        }
        return rows;
    }

    @Test
    void sameSeedAndMaxTrialsGiveTheSameLeaderboardInProcessAndOnSpark() {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                notes.add(message);
            }
        };
        AutoMlRun inProcess = base().build().fit(DATA);
        AutoMlRun onSpark = base().trialRunner(SparkTrialRunner.factory(spark)).listener(listener).build().fit(DATA);

        assertThat(signature(onSpark)).isEqualTo(signature(inProcess));
        assertThat(onSpark.leaderboard().rows()).filteredOn(r -> !r.trial().config().learner().equals("ensemble")).hasSize(10);
        assertThat(onSpark.leaderboard().rows()).filteredOn(r -> r.completed() != null).hasSizeGreaterThan(5);
        assertThat(notes).contains("trials run on Spark (local[2]), 2 at once");
    }

    @Test
    void aRunInterruptedInProcessResumesOnSparkToTheLeaderboardOfAnUninterruptedOne() throws IOException {
        Path full = dir.resolve("full.jsonl");
        AutoMlRun uninterrupted = base().ensembleRounds(0).journal(full).build().fit(DATA);
        Path cut = interrupted(full, 5, dir.resolve("cut.jsonl"));
        assertThat(Journal.read(cut).prior().finished()).hasSize(5);

        AutoMlRun resumed = base().ensembleRounds(0).journal(cut).trialRunner(SparkTrialRunner.factory(spark)).build().resume(DATA);

        assertThat(signature(resumed)).isEqualTo(signature(uninterrupted));
        Journal after = Journal.read(cut);   // refuses a trial that finished twice
        assertThat(after.prior().finished()).hasSize(10);
        assertThat(after.end()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo("ok"));
    }

    /** The journal's lines up to its {@code finished}-th trial_finished line, and a torn piece of the next line. */
    private static Path interrupted(Path full, int finished, Path out) throws IOException {
        List<String> lines = Files.readAllLines(full, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int seen = 0;
        int i = 0;
        while (seen < finished) {
            String line = lines.get(i++);
            kept.append(line).append('\n');
            seen += line.contains("\"trial_finished\"") ? 1 : 0;
        }
        kept.append(lines.get(i), 0, 12);
        Files.writeString(out, kept, StandardCharsets.UTF_8);
        return out;
    }
}
