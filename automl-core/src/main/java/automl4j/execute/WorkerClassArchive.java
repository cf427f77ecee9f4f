package automl4j.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A class-data-sharing archive for worker JVMs (JDK 17 dynamic AppCDS): the first worker that finds none records the
 * classes it loads ({@code -XX:ArchiveClassesAtExit}) and later workers map them ({@code -XX:SharedArchiveFile})
 * instead of reading, parsing and verifying them again, which makes a worker's start and first trial cheaper.
 *
 * <p>Archives live in one folder, named by a key over the JDK and every class path entry's path, size and modification
 * time, so a changed jar or JDK gets a new archive instead of a stale one; archives unused for {@value #UNUSED_DAYS}
 * days are removed. A broken archive must only cost speed, never a run: HotSpot 17 dies with SIGBUS at start when it
 * maps a truncated archive, so a recording is published under its final name only after its JVM exited cleanly, by an
 * atomic move, with a checksum beside it that is checked before each use; a worker that still dies before it connects
 * while mapping an archive has the archive deleted and is replaced by one without it ({@link #rejected}). A class path
 * with a directory (as in a build's tests) gets no archive: CDS archives classes from jars only. Not thread-safe: its
 * owner ({@code WorkerPool}) holds its lock.
 */
final class WorkerClassArchive {
    /** System property naming the archive folder, or {@code off} for none. */
    static final String PROPERTY = "automl4j.worker.cds";
    static final int UNUSED_DAYS = 14;
    private static final String SUFFIX = ".jsa";
    private static final String CHECK = ".crc";

    private final Path dir;
    private final String key;
    private Process recorder;
    private Path recording;
    private boolean disabled;

    private WorkerClassArchive(Path dir, String key) {
        this.dir = dir;
        this.key = key;
        this.disabled = dir == null || key == null;
    }

    /** The archive of this JVM's worker command (its {@code java.home} and {@code java.class.path}), in the default folder. */
    static WorkerClassArchive forThisJvm() {
        return of(defaultFolder().orElse(null), System.getProperty("java.home"), System.getProperty("java.class.path"));
    }

    /** The archive of workers started from {@code javaHome} with {@code classPath}, in {@code dir} (null: none). */
    static WorkerClassArchive of(Path dir, String javaHome, String classPath) {
        return new WorkerClassArchive(dir, dir == null ? null : key(javaHome, classPath));
    }

    /**
     * The folder from system property {@value #PROPERTY} ({@code off}: none), else {@code automl4j/worker-cds} under
     * {@code $XDG_CACHE_HOME} or {@code ~/.cache}.
     */
    static Optional<Path> defaultFolder() {
        String asked = System.getProperty(PROPERTY);
        if (asked != null && !asked.isBlank()) {
            return asked.strip().equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(asked.strip()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(cache.resolve("automl4j").resolve("worker-cds"));
    }

    /**
     * The key of a JDK and class path: a digest of the JDK's home and version and each entry's path, size and
     * modification time; null if an entry is a directory holding files (CDS would refuse the class path).
     */
    static String key(String javaHome, String classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((javaHome + "\n" + System.getProperty("java.vm.version") + "\n").getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p)) {
                    try (var files = Files.list(p)) {
                        if (files.findAny().isPresent()) {
                            return null;
                        }
                    }
                }
                long size = Files.isRegularFile(p) ? Files.size(p) : -1;
                long modified = Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() : -1;
                digest.update((p + "\n" + size + "\n" + modified + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "workers-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;   // no archive: it only saves time
        }
    }

    /** The archive under {@code key} in {@code dir}, whatever the class path (for tests of what workers do with it). */
    static WorkerClassArchive withKey(Path dir, String key) {
        return new WorkerClassArchive(dir, key);
    }

    /** The published archive file (it may not exist). */
    Path file() {
        return dir.resolve(key + SUFFIX);
    }

    /** Whether this pool may use or record an archive at all. */
    boolean enabled() {
        return !disabled;
    }

    /**
     * The JVM options for the next worker: map the published archive if its checksum holds, else record one if no
     * other worker of this pool is recording, else none.
     */
    List<String> optionsForLaunch() {
        if (disabled) {
            return List.of();
        }
        if (intact()) {
            try {
                FileTime now = FileTime.from(Instant.now());   // in use: not removed as unused
                Files.setLastModifiedTime(file(), now);
                Files.setLastModifiedTime(dir.resolve(key + CHECK), now);
            } catch (IOException e) {
                // only the clean-up's clock
            }
            return List.of("-XX:SharedArchiveFile=" + file());
        }
        if (recording != null) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
            removeUnused();
        } catch (IOException e) {
            disabled = true;
            return List.of();
        }
        recording = dir.resolve(key + "." + unique() + ".tmp");
        return List.of("-XX:ArchiveClassesAtExit=" + recording);
    }

    /** Tells the archive which process the options of the last {@link #optionsForLaunch} went to. */
    void launched(Process process, List<String> options) {
        if (recording != null && recorder == null && options.contains("-XX:ArchiveClassesAtExit=" + recording)) {
            recorder = process;
        }
    }

    /** Whether {@code process} records the archive (its exit is worth waiting for). */
    boolean isRecorder(Process process) {
        return process != null && process == recorder;
    }

    /**
     * Called when {@code process} ended: publishes its recording if it exited cleanly, else drops it (a killed JVM
     * leaves a partial file, which must never be mapped).
     */
    void ended(Process process) {
        if (!isRecorder(process) || process.isAlive()) {
            return;
        }
        Path file = recording;
        recorder = null;
        recording = null;
        try {
            if (process.exitValue() == 0 && Files.isRegularFile(file) && Files.size(file) > 0) {
                Path check = dir.resolve(key + "." + unique() + CHECK + ".tmp");
                Files.writeString(check, Files.size(file) + " " + crc(file));
                move(file, file());
                move(check, dir.resolve(key + CHECK));
                return;
            }
        } catch (IOException e) {
            // not published: a later pool records again
        }
        deleteQuietly(file);
    }

    /** A worker that mapped the archive died before connecting: the archive goes, and later workers start without one. */
    void rejected() {
        disabled = true;
        deleteQuietly(file());
        deleteQuietly(dir.resolve(key + CHECK));
    }

    /** Whether the published archive exists and matches the size and checksum recorded when it was published. */
    boolean intact() {
        try {
            Path check = dir.resolve(key + CHECK);
            if (!Files.isRegularFile(file()) || !Files.isRegularFile(check)) {
                return false;
            }
            String[] expected = Files.readString(check).strip().split(" ");
            return expected.length == 2 && Long.parseLong(expected[0]) == Files.size(file())
                    && Long.parseLong(expected[1]) == crc(file());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A name part no other recording shares (this process and a counter; no UUID, which is reserved for tokens). */
    private static String unique() {
        return ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes archives (of other class paths) and leftover recordings not touched for {@value #UNUSED_DAYS} days. */
    private void removeUnused() throws IOException {
        Instant before = Instant.now().minus(Duration.ofDays(UNUSED_DAYS));
        List<Path> old = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith("workers-")).forEach(p -> {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                        old.add(p);
                    }
                } catch (IOException e) {
                    // gone already
                }
            });
        }
        old.forEach(WorkerClassArchive::deleteQuietly);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover is removed as unused later
        }
    }
}
