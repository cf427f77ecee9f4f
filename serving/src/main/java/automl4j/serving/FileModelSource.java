package automl4j.serving;

import automl4j.scoring.ScoringModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A model file as a {@link ModelSource}: its version is the start of the file's SHA-256, and with {@link #watch} it
 * checks the file's modification time and size every interval, loading the file again when either changed and its
 * content is new. Replace the file by renaming a complete copy over it: a half-written file fails to load, is reported,
 * and is tried again once it changes again.
 */
public final class FileModelSource implements ModelSource {
    private final Path file;
    private final Duration interval;
    private ScheduledExecutorService watcher;
    private volatile String lastVersion;
    private FileTime lastModified;
    private long lastSize = -1;

    /**
     * A source for {@code file}.
     *
     * @param interval how often {@link #watch} looks at the file; at least 10 ms
     */
    public FileModelSource(Path file, Duration interval) {
        this.file = Objects.requireNonNull(file, "file");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("watch interval must be at least 10 ms, but was " + interval.toMillis() + " ms");
        }
    }

    /** The name a model file is served under by default: its file name without the extension. */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    @Override
    public synchronized ServedModel load() {
        FileTime modified = modifiedTime();
        long size = size();
        ServedModel served = read();
        lastModified = modified;
        lastSize = size;
        lastVersion = served.version();
        return served;
    }

    @Override
    public synchronized void watch(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (watcher != null) {
            throw new IllegalStateException("already watching " + file);
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "automl-serving-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        watcher.scheduleWithFixedDelay(() -> check(listener), ms, ms, TimeUnit.MILLISECONDS);
    }

    private void check(Listener listener) {
        ServedModel next;
        synchronized (this) {
            FileTime modified = modifiedTime();
            long size = size();
            if (size < 0 || (Objects.equals(modified, lastModified) && size == lastSize)) {
                return;   // unchanged, or absent for a moment while it is replaced
            }
            lastModified = modified;
            lastSize = size;
            try {
                next = read();
            } catch (RuntimeException e) {
                listener.failed(e);
                return;
            }
            if (next.version().equals(lastVersion)) {
                return;   // touched, same content
            }
            lastVersion = next.version();
        }
        listener.newVersion(next);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private ServedModel read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // The scoring module words a missing or unreadable file as a ModelFileException naming it; its reader
            // meets the same error. Should the file have appeared in between, its content is read on the next change.
            ScoringModel.load(file);
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ScoringModel model = ScoringModel.load(new ByteArrayInputStream(bytes), file.toString());
        return new ServedModel(model, "sha256:" + HexFormat.of().formatHex(sha256(bytes), 0, 6));
    }

    private FileTime modifiedTime() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "FileModelSource[" + file + "]";
    }
}
