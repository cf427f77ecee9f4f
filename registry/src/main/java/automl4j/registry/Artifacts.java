package automl4j.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The registry's artifact folder ({@code <db>.artifacts}): a version's file lives at {@code <name>/<version>/<file name>}.
 * A file is first copied into {@code .incoming/} and checked there, outside any transaction; inside the registering
 * transaction it is renamed into place and forced to disk before the version's row commits. So a committed version
 * always has its whole file, and a crash leaves at most a file without a row, which no one reads.
 */
final class Artifacts {
    private static final String INCOMING = ".incoming";
    /** Copies older than this in {@code .incoming} were left by a killed process (a copy takes seconds, not a day). */
    private static final Duration ABANDONED = Duration.ofDays(1);

    private final Path root;

    Artifacts(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A file copied into {@code .incoming}, with the checksum of its source. */
    record Incoming(Path temp, String checksum, long size, String fileName) {
    }

    /** Creates the folder and removes abandoned copies. */
    void prepare() throws IOException {
        Files.createDirectories(root.resolve(INCOMING));
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(root.resolve(INCOMING))) {
            for (Path p : old) {
                FileTime t = Files.getLastModifiedTime(p);
                if (t.toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Copies {@code source} into {@code .incoming}, hashing the bytes read, forces the copy to disk and reads it back: the
     * copy's checksum must be the source's.
     */
    Incoming copyIn(Path source) throws IOException {
        Path temp = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".tmp");
        MessageDigest sha = Sha256.digest();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(source);
             FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String checksum = Sha256.hex(sha);
        String copied = Sha256.of(temp);
        if (!copied.equals(checksum)) {
            Files.deleteIfExists(temp);
            throw new IOException("the copy of " + source + " has SHA-256 " + copied + ", not the source's " + checksum);
        }
        return new Incoming(temp, checksum, size, source.getFileName().toString());
    }

    /** Moves {@code in} to its version's place and forces the folder entries to disk; returns the path relative to root. */
    Path place(Incoming in, String name, int version) throws IOException {
        Path relative = Path.of(name, Integer.toString(version), in.fileName());
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        try {
            Files.move(in.temp(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(in.temp(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceFolder(target.getParent());
        forceFolder(target.getParent().getParent());
        return relative;
    }

    /** The absolute path of a stored relative one. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Checks the file against {@code checksum}.
     *
     * @throws ArtifactMismatchException naming {@code label}, the file and both checksums
     */
    void verify(String label, Path file, String checksum) {
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ArtifactMismatchException("model version " + label + ": its file " + file + " is missing from the registry's artifact folder");
        } catch (IOException e) {
            throw new ArtifactMismatchException("model version " + label + ": its file " + file + " cannot be read: " + e.getMessage());
        }
        if (!actual.equals(checksum)) {
            throw new ArtifactMismatchException("model version " + label + ": its file " + file + " has SHA-256 " + actual
                    + ", but " + checksum + " was recorded when it was registered; the file was altered or damaged, so it is "
                    + "not used");
        }
    }

    /** Deletes a version's file and its folders once empty; a file already gone is fine. */
    void remove(Path file) {
        try {
            Files.deleteIfExists(file);
            Path folder = file.getParent();
            for (int i = 0; i < 2 && folder != null && !folder.equals(root); i++, folder = folder.getParent()) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
                    if (left.iterator().hasNext()) {
                        break;
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            // The row is gone already; a file left behind is unreferenced and harmless.
        }
    }

    /** Discards a copy that was not placed. */
    static void discard(Incoming in) {
        try {
            Files.deleteIfExists(in.temp());
        } catch (IOException e) {
            // left in .incoming, removed by a later open once abandoned
        }
    }

    // A rename is durable only once its folder's entry is on disk; opening a folder for reading and forcing it works on
    // Linux and macOS, and is refused on Windows, where NTFS journals the rename itself.
    private static void forceFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // not supported on this platform
        }
    }
}
