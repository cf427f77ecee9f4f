package automl4j.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes output files so that a reader, or a process killed half-way, never sees a half-written file: the content goes
 * to a temporary file in the same folder ({@code .<name>.<random>}{@value #SUFFIX}), is forced to the disk, and is then
 * renamed over the target in one atomic step. The temporary file is created like any new file (permissions from the
 * process's umask), so the output gets the same permissions as files written directly. Thread-safe (no shared state).
 */
public final class AtomicFiles {
    /** Ending of the temporary files; {@link #removeLeftovers} removes such files left by a killed process. */
    public static final String SUFFIX = ".automl4j-tmp";

    private AtomicFiles() {
    }

    /** Writes the content of an output file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out} (which the caller closes). */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code file} with {@code bytes} in one atomic step.
     *
     * @throws IOException if the folder is not writable; the target is then unchanged and no temporary file is left
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(file, out -> out.write(bytes));
    }

    /** Replaces {@code file} with {@code text} in UTF-8, in one atomic step (see {@link #write(Path, byte[])}). */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code file} with what {@code content} writes, in one atomic step; the folder must exist.
     *
     * @throws IOException if writing fails; the target is then unchanged and no temporary file is left
     */
    public static void write(Path file, Content content) throws IOException {
        Path tmp = tempBeside(file);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            commit(tmp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Creates a new, empty temporary file beside {@code file} with the permissions of any new file (unlike
     * {@link Files#createTempFile}, which makes it readable by its owner only); pass it to {@link #commit} when written.
     */
    public static Path tempBeside(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String name = "." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + SUFFIX;
        return Files.createFile(dir.resolve(name));
    }

    /** Renames {@code tmp} over {@code file} atomically (a plain replacing rename where the file system cannot). */
    public static void commit(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes the temporary files of this class left in {@code dir} by a process that was killed while writing; call
     * it only while no other process writes there (under the folder's lock).
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        int n = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + "*" + SUFFIX)) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }
}
