package automl4j.cli;

import automl4j.internal.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock on an output folder, held for the life of a run, so that two runs never write into one folder. It is an
 * operating-system file lock on {@value #FILE} in the folder, which also holds the holder's process id, start time and
 * command, for the message the second run gives. The operating system releases the lock when its process dies, so a
 * lock file that can be locked was left by a killed run: it is taken over, and said so. Runs within one JVM are
 * told apart without opening the file (closing any channel to it would drop this process's lock).
 */
final class OutputLock implements AutoCloseable {
    /** The lock file's name in the output folder. */
    static final String FILE = "automl.lock";
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (creating it) for {@code command}, removing temporary files a killed run left in it.
     *
     * @throws UsageException if another run holds it, naming the folder and that run
     * @throws IOException    if the folder or the lock file cannot be made
     */
    static OutputLock acquire(Path dir, String command, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.toRealPath();
        if (!HELD.add(key)) {
            throw new UsageException("output folder " + dir + " is in use by another run in this process (pid "
                    + ProcessHandle.current().pid() + "); wait for it to end or choose another output folder");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                throw new UsageException("output folder " + dir + " cannot be locked for this run (" + e.getMessage()
                        + "); its file system may not support file locks: choose a folder on a local disk");
            }
            String holder = read(ch);
            if (lock == null) {
                throw new UsageException("output folder " + dir + " is in use by another run (" + (holder.isEmpty()
                        ? "a process that has not yet said which" : holder) + "); wait for it to end or choose another output folder");
            }
            if (!holder.isEmpty()) {
                out.println("The lock of output folder " + dir + " was left by a run that is no longer running (" + holder
                        + "); taking it over.");
            }
            int leftovers = AtomicFiles.removeLeftovers(key);
            if (leftovers > 0) {
                out.println("Removed " + leftovers + " half-written temporary file(s) a killed run left in " + dir + ".");
            }
            ch.truncate(0);
            ByteBuffer text = ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + command + "\n").getBytes(StandardCharsets.UTF_8));
            ch.position(0);
            while (text.hasRemaining()) {
                ch.write(text);
            }
            ch.force(false);
            return new OutputLock(key, ch, lock);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            HELD.remove(key);
            throw e;
        }
    }

    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // read on
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    /** Empties the lock file (a clean end leaves no holder behind) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            channel.force(false);
            lock.release();
        } finally {
            channel.close();
            HELD.remove(key);
        }
    }
}
