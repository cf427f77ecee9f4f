package automl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTempFolderTest {
    // Above Linux's highest process id (2^22), so no process has it.
    private static final long DEAD_PID = 2_000_000_000L;

    @TempDir
    Path base;

    @Test
    void closeDeletesTheFolderAndEverythingInIt() throws Exception {
        Path dir;
        try (RunTempFolder temp = RunTempFolder.create(base)) {
            dir = temp.path();
            assertThat(dir.getFileName().toString()).startsWith(RunTempFolder.PREFIX + ProcessHandle.current().pid() + "-");
            Files.createDirectories(dir.resolve("nested"));
            Files.writeString(dir.resolve("nested/libxgboost4j123.so"), "native");
            Files.writeString(dir.resolve("s0.bin"), "splits");
        }
        assertThat(dir).doesNotExist();
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void aFolderLeftByAProcessThatIsGoneIsRemovedByTheNextRun() throws Exception {
        Path left = Files.createDirectory(base.resolve(RunTempFolder.PREFIX + DEAD_PID + "-0123456789ab"));
        Files.writeString(left.resolve(RunTempFolder.LOCK), "");
        Files.writeString(left.resolve("libxgboost4j99.so"), "native");
        Path unrelated = Files.createDirectory(base.resolve("someone-elses-folder"));
        try (RunTempFolder temp = RunTempFolder.create(base)) {
            assertThat(left).doesNotExist();
            assertThat(unrelated).exists();
            assertThat(temp.path()).exists();
        }
    }

    @Test
    void foldersOfThisProcessAndOfLiveProcessesAreKept() throws Exception {
        try (RunTempFolder first = RunTempFolder.create(base)) {
            // The parent process (the build tool) is alive; its folder's lock is not free-and-old, so it stays.
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
            Path live = Files.createDirectory(base.resolve(RunTempFolder.PREFIX + parent + "-aaaaaaaaaaaa"));
            try (RunTempFolder second = RunTempFolder.create(base)) {
                assertThat(first.path()).exists();
                assertThat(second.path()).exists().isNotEqualTo(first.path());
                assertThat(live).exists();
                assertThat(RunTempFolder.removeStale(base)).isZero();
            }
            assertThat(first.path()).exists();
        }
    }
}
