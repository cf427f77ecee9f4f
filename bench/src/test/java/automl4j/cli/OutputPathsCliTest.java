package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output path that cannot be written (under a file, an existing file where a folder is wanted or the reverse, a
 * folder without write permission) is a bad command line or config: exit 2 naming the path and what is wrong, before
 * any data is read or any search starts.
 */
class OutputPathsCliTest {
    @TempDir
    Path dir;

    private CliHarness cli;
    private Path aFile;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        KilledRuns.writeData(cli);
        aFile = cli.file("notes.txt", "a file, not a folder");
    }

    private void assertUsage(CliHarness.Result r, String... parts) {
        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(parts);
        assertThat(r.out()).doesNotContain("trial ");
    }

    /** A folder this process cannot write into, or skips the test (root writes anywhere). */
    private Path unwritableFolder() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean writable;
        try {
            Files.delete(Files.createTempFile(locked, "probe", ".tmp"));
            writable = true;
        } catch (IOException e) {
            writable = false;
        }
        Assumptions.assumeFalse(writable, "running as root: permission bits do not stop writes, so no folder is unwritable");
        return locked;
    }

    @Test
    void runWithAnOutputFolderUnderAFileFailsNamingBoth() throws IOException {
        CliHarness.Result r = cli.run(KilledRuns.config("notes.txt/out"));
        assertUsage(r, "config key 'output'", dir.resolve("notes.txt/out").toString(), "cannot be created", aFile + " is a file, not a folder");
    }

    @Test
    void runWithAnOutputThatIsAnExistingFileFails() throws IOException {
        CliHarness.Result r = cli.run(KilledRuns.config("notes.txt"));
        assertUsage(r, "config key 'output'", aFile + " is an existing file, not a folder");
        assertThat(aFile).hasContent("a file, not a folder");
    }

    @Test
    void runIntoAFolderWithoutWritePermissionFails() throws IOException {
        Path locked = unwritableFolder();
        CliHarness.Result r = cli.run(KilledRuns.config("locked/out"));
        assertUsage(r, "config key 'output'", "cannot be written: no permission to write in " + locked);
    }

    @Test
    void demoWithAnOutputUnderAFileFails() {
        CliHarness.Result r = cli.cli("demo", "--out", aFile.resolve("demo").toString(), "--budget", "5");
        assertUsage(r, "--out", aFile + " is a file, not a folder");
    }

    @Test
    void checkWithAnOutputThatIsAFileFails() {
        CliHarness.Result r = cli.cli("check", "--data", dir.resolve("train.csv").toString(), "--target", "churned",
                "--out", aFile.toString());
        assertUsage(r, "--out", aFile + " is an existing file, not a folder");
    }

    @Test
    void predictIntoAFolderUnderAFileOrAnExistingFolderFails() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("predictions"));
        // The model is not read: the output is checked first, so this fails on the output even without a model.
        CliHarness.Result underFile = cli.cli("predict", "--model", "no-such.automl", "--data", "train.csv",
                "--out", aFile.resolve("p.csv").toString());
        assertUsage(underFile, "--out", aFile.resolve("p.csv").toString(), aFile + " is a file, not a folder");
        CliHarness.Result isFolder = cli.cli("predict", "--model", "no-such.automl", "--data", "train.csv", "--out", folder.toString());
        assertUsage(isFolder, "--out", folder + " is a folder; give the name of the file to write");
    }

    @Test
    void predictIntoAFolderWithoutWritePermissionFails() throws IOException {
        Path locked = unwritableFolder();
        CliHarness.Result r = cli.cli("predict", "--model", "no-such.automl", "--data", "train.csv",
                "--out", locked.resolve("p.csv").toString());
        assertUsage(r, "--out", "no permission to write in " + locked);
    }
}
