package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.internal.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output folders never lose work: one run at a time holds a folder; a new run validates everything before it touches an
 * earlier run's files, keeps the earlier journal, and writes every output in one atomic step.
 */
class OutputFolderTest {
    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        KilledRuns.writeData(cli);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSecondRunIntoAFolderHeldByAnotherProcessFailsAtOnceAndAKilledHoldersLockIsTakenOver() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), out.resolve(OutputLock.FILE).toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");
            CliHarness.Result busy = cli.run(KilledRuns.config("out"));
            assertThat(busy.code()).as(busy.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(busy.err()).contains("output folder " + out + " is in use by another run (pid " + holder.pid() + ", started ");
            assertThat(list(out)).containsExactly(out.resolve(OutputLock.FILE));
        } finally {
            holder.destroyForcibly();   // killed: the operating system releases its lock, its pid stays in the file
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        CliHarness.Result r = cli.run(KilledRuns.config("out"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("The lock of output folder " + out + " was left by a run that is no longer running (pid "
                + holder.pid());
        assertThat(out.resolve(OutputLock.FILE)).isEmptyFile();
    }

    @Test
    void aSecondRunInThisProcessIsRefusedWhileTheFirstHoldsTheFolder() throws Exception {
        Path out = dir.resolve("out");
        OutputLock held = OutputLock.acquire(out, "automl run", System.out);
        try {
            CliHarness.Result r = cli.run(KilledRuns.config("out"));
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("output folder " + out + " is in use by another run in this process");
        } finally {
            held.close();
        }
        assertThat(out.resolve(OutputLock.FILE)).isEmptyFile();
    }

    @Test
    void aNewRunThatFailsValidationLeavesAKilledRunsJournalUntouchedAndResumable() throws Exception {
        Path out = KilledRuns.make(cli, "out");
        byte[] journal = Files.readAllBytes(out.resolve(RunExecution.JOURNAL_FILE));
        byte[] effective = Files.readAllBytes(out.resolve(RunExecution.EFFECTIVE_CONFIG_FILE));
        List<Path> before = list(out);
        cli.file("ragged.csv", "a,b,churned\n1,2,yes\n3,4\n");
        String good = KilledRuns.config("out");
        List<String[]> bad = List.of(
                new String[] {good + "budget_seconds: 5\n", "2", "config key 'budget_seconds' is unknown"},
                new String[] {good.replace("target: churned", "target: no_such_column"), "3", "no_such_column"},
                new String[] {good.replace("train.csv", "ragged.csv"), "3", "ragged.csv"},
                // Refused by the engine, after the folder was locked: smile-logistic does not do regression (a
                // ConfigException about search.learners, so a config error).
                new String[] {good.replace("target: churned", "target: tenure_months\n  task: regression"), "2",
                        "supports task regression"});
        for (String[] b : bad) {
            CliHarness.Result r = cli.run(b[0]);
            assertThat(r.code()).as(r.err()).isEqualTo(Integer.parseInt(b[1]));
            assertThat(r.err()).contains(b[2]);
            assertThat(out.resolve(RunExecution.JOURNAL_FILE)).as(b[2]).hasBinaryContent(journal);
            assertThat(out.resolve(RunExecution.EFFECTIVE_CONFIG_FILE)).as(b[2]).hasBinaryContent(effective);
            assertThat(list(out)).as(b[2]).isEqualTo(before);
        }
        CliHarness.Result resumed = cli.cli("run", "--resume", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming after");
    }

    @Test
    void aNewRunKeepsTheEarlierJournalResumableAndWritesEveryOutputAtomically() throws Exception {
        Path out = KilledRuns.make(cli, "out");
        byte[] journal = Files.readAllBytes(out.resolve(RunExecution.JOURNAL_FILE));
        byte[] effective = Files.readAllBytes(out.resolve(RunExecution.EFFECTIVE_CONFIG_FILE));
        CliHarness.Result r = cli.run(KilledRuns.config("out").replace("seed: 4", "seed: 5"));
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> kept = list(out).stream().filter(p -> p.getFileName().toString().startsWith(PreviousRun.PREFIX)).toList();
        assertThat(kept).hasSize(1);
        Path previous = kept.get(0);
        assertThat(r.out()).contains("Kept the effective-config.yaml and journal.jsonl of the earlier run in " + previous
                + " (to continue that run: automl run --resume " + previous + ")");
        assertThat(previous.resolve(RunExecution.JOURNAL_FILE)).hasBinaryContent(journal);
        assertThat(previous.resolve(RunExecution.EFFECTIVE_CONFIG_FILE)).hasBinaryContent(effective);
        assertThat(Files.readString(out.resolve(RunExecution.EFFECTIVE_CONFIG_FILE))).contains("seed: 5");

        assertThat(list(out)).noneMatch(p -> p.getFileName().toString().endsWith(AtomicFiles.SUFFIX));
        assertThat(out.resolve(OutputLock.FILE)).isEmptyFile();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(out.resolve(RunOutputs.MODEL_FILE)))
                    .isEqualTo(Files.getPosixFilePermissions(out.resolve("leaderboard.csv")));
        }

        CliHarness.Result resumed = cli.cli("run", "--resume", previous.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming after");
        assertThat(previous.resolve(RunOutputs.MODEL_FILE)).exists();
    }
}
