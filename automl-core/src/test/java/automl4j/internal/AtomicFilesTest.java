package automl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("leaderboard.csv");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new");
        assertThat(f).hasContent("new");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporaryFile() throws Exception {
        Path f = dir.resolve("model.automl");
        AtomicFiles.writeString(f, "earlier model");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half a mod".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertThat(e).hasMessage("disk full");
        assertThat(f).hasContent("earlier model");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void theFileGetsThePermissionsOfAnyNewFile() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedAndOtherFilesKept() throws Exception {
        Path left = Files.writeString(dir.resolve(".model.automl.1a2b3c4d" + AtomicFiles.SUFFIX), "half");
        Path kept = Files.writeString(dir.resolve("model.automl"), "whole");
        assertThat(AtomicFiles.removeLeftovers(dir)).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(kept).exists();
    }
}
