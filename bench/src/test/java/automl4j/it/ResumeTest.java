package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.journal.Journal;
import automl4j.journal.JournalEvent;
import automl4j.journal.JournalException;
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

class ResumeTest {
    @TempDir
    Path dir;

    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(400, 6), DefaultDataset.TARGET);

    private static AutoMl.Builder base() {
        List<Learner> learners = new ArrayList<>();
        for (Learner l : Learners.discovered()) {
            if (List.of("xgboost", "smile-logistic").contains(l.id())) {
                learners.add(l);
            }
        }
        return AutoMl.builder().seed(3).budget(Budget.ofTrials(14)).learners(learners).ensembleRounds(0).cores(2);
    }

    private static List<String> signature(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " " + r.outcome().status()
                + " " + (r.completed() == null ? "" : Double.toString(r.completed().score()))).sorted().toList();
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

    @Test
    void aResumedRunKeepsTheFinishedTrialsAndEndsWithTheLeaderboardOfAnUninterruptedOne() throws IOException {
        Path full = dir.resolve("full.jsonl");
        AutoMlRun uninterrupted = base().journal(full).build().fit(DATA);
        Path cut = interrupted(full, 6, dir.resolve("cut.jsonl"));
        Journal before = Journal.read(cut);
        assertThat(before.prior().finished()).hasSize(6);

        AutoMlRun resumed = base().journal(cut).build().resume(DATA);

        assertThat(signature(resumed)).isEqualTo(signature(uninterrupted));
        Journal after = Journal.read(cut);   // refuses a trial that finished twice
        List<JournalEvent> events = after.events();
        int resumedAt = 0;
        while (!(events.get(resumedAt) instanceof JournalEvent.Resumed)) {
            resumedAt++;
        }
        for (JournalEvent e : events.subList(resumedAt, events.size())) {
            if (e instanceof JournalEvent.TrialFinished f) {
                assertThat(before.prior().finished()).as("trial %d ran again", f.trial()).doesNotContainKey(f.trial());
            }
        }
        assertThat(after.prior().finished()).hasSize(14);
        assertThat(after.end()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo("ok"));
    }

    @Test
    void resumingRefusesChangedSettingsChangedDataAndAFinishedRun() throws IOException {
        Path full = dir.resolve("full.jsonl");
        base().journal(full).build().fit(DATA);
        assertThatThrownBy(() -> base().journal(full).build().resume(DATA)).isInstanceOf(JournalException.class)
                .hasMessageContaining("nothing to resume");
        Path cut = interrupted(full, 3, dir.resolve("cut.jsonl"));
        assertThatThrownBy(() -> base().seed(4).budget(Budget.ofTrials(15)).journal(cut).build().resume(DATA))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("seed (journal: 3, now: 4)").hasMessageContaining("budget.max_trials (journal: 14, now: 15)");
        TaskData other = TaskData.of(DefaultDataset.generate(400, 7), DefaultDataset.TARGET);
        assertThatThrownBy(() -> base().journal(cut).build().resume(other)).isInstanceOf(JournalException.class)
                .hasMessageContaining("the data changed");
        assertThatThrownBy(() -> base().build().resume(DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal");
    }
}
