package automl4j.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's folder of temporary files, {@code automl4j-run-<pid>-<random>} under a base folder (the JVM's
 * {@code java.io.tmpdir} by default): split files for worker processes, and what those workers unpack into their
 * own {@code java.io.tmpdir} (XGBoost4J's native library, for one). {@link #close()} deletes it with everything in it.
 * While open, the folder's {@value #LOCK} file is locked; creating a folder first removes those left by killed runs
 * (their process is gone, or their lock is free and the folder older than a minute), so nothing accumulates.
 * Not thread-safe; {@link #close()} may be called more than once.
 */
public final class RunTempFolder implements AutoCloseable {
    /** Prefix of the folders' names. */
    public static final String PREFIX = "automl4j-run-";
    /** The lock file in each folder, held by the run that made it. */
    static final String LOCK = ".lock";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-[0-9a-f]+");
    // The process id is reused after a while; a folder that young with a free lock may still be taking its lock.
    private static final Duration YOUNG = Duration.ofMinutes(1);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private RunTempFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** A new run folder under {@code java.io.tmpdir}, after removing folders left there by killed runs. */
    public static RunTempFolder create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A new run folder under {@code base}, after removing folders left there by killed runs.
     *
     * @throws IOException if the folder or its lock file cannot be made
     */
    public static RunTempFolder create(Path base) throws IOException {
        Objects.requireNonNull(base, "base");
        removeStale(base);
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectory(base.resolve(PREFIX + pid + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new RunTempFolder(dir, ch, lock);
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /**
     * Removes the run folders under {@code base} left by runs that were killed; folders of this process and of live
     * runs are left alone.
     *
     * @return how many were removed
     */
    public static int removeStale(Path base) {
        int removed = 0;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path p : s) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                // Never open the lock file of a folder of this process: closing any channel to a file drops this
                // process's POSIX locks on it.
                if (pid == self) {
                    continue;
                }
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if ((!alive || (old(p) && lockIsFree(p))) && deleteTree(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // Cleaning up after others is best effort; an unreadable temporary folder is not this run's failure.
        }
        return removed;
    }

    private static boolean old(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(YOUNG));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean lockIsFree(Path dir) {
        Path lockFile = dir.resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes {@code root} and everything in it; false if something stayed. */
    static boolean deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            return !Files.exists(root);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the folder and everything in it, and releases its lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteTree(dir);
        try {
            if (lock != null) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // The folder is gone; a lock on a deleted file holds nothing.
        }
    }
}
