package automl4j.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.search.Searchers;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver benchmark still runs: every trial asked for finishes and is on the leaderboard; no timing is asserted. */
class DriverScaleSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aSmallSimulationAccountsForEveryTrial() throws Exception {
        DriverScale.Result r = DriverScale.run(300, 32, Searchers.forId("tpe"), 100, dir, new PrintStream(OutputStream.nullOutputStream()));
        assertThat(r.finished()).isGreaterThanOrEqualTo(300);
        assertThat(r.chunks()).hasSize(3);
        assertThat(dir.resolve("journal.jsonl")).isNotEmptyFile();
    }
}
