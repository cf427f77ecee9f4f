package automl4j.journal;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.leaderboard.Trial;
import automl4j.space.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search interrupted by its caller goes on journalling: the interrupt does not close the journal. */
class JournalInterruptTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedThreadStillWritesAndClosesTheJournal() {
        Path file = dir.resolve("journal.jsonl");
        JournalEvent.RunStarted header = new JournalEvent.RunStarted(Journal.FORMAT_VERSION, Map.of("seed", "1"), "ab");
        try (JournalWriter w = JournalWriter.create(file, header)) {
            w.trialStarted(new Trial(0, Config.of("a", Map.of("depth", 3)), 7), 0.5);
            Thread.currentThread().interrupt();
            w.trialStarted(new Trial(1, Config.of("a", Map.of("depth", 4)), 8), 0.6);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the caller").isTrue();
        }
        assertThat(Journal.read(file).events()).hasSize(1 + 4);
    }
}
