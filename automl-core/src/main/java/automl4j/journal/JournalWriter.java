package automl4j.journal;

import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends events to a journal as the run goes. Each event is one line handed to the operating system in one write,
 * so a process killed at any moment leaves complete lines and at most one torn last line, which {@link Journal#read}
 * ignores. Lines are not forced to the disk one by one (that would cost milliseconds per trial): the journal survives
 * the death of the process, not of the machine. The file is written through a {@link RandomAccessFile}, not a
 * {@code FileChannel}: a channel written to by an interrupted thread closes itself, and a search interrupted by its
 * caller must still journal the trials it ends with, so that it can be resumed.
 */
public final class JournalWriter implements RunListener, AutoCloseable {
    private final Path file;
    private final RandomAccessFile out;

    private JournalWriter(Path file, RandomAccessFile out) {
        this.file = file;
        this.out = out;
    }

    /** Starts a new journal at {@code file} (replacing what was there) with {@code header} as its first line. */
    public static JournalWriter create(Path file, JournalEvent.RunStarted header) {
        try {
            RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw");
            f.setLength(0);
            JournalWriter w = new JournalWriter(file, f);
            w.write(header);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Continues the journal {@code read} from {@code file}: a torn last line is cut off first, so the next event starts
     * on a line of its own.
     */
    public static JournalWriter append(Path file, Journal read) {
        try {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw");
            f.setLength(read.validBytes());
            f.seek(read.validBytes());
            return new JournalWriter(file, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code event} as one line. */
    public synchronized void write(JournalEvent event) {
        byte[] line = (JournalCodec.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void trialStarted(Trial trial, double elapsedSeconds) {
        write(new JournalEvent.TrialProposed(trial.id(), trial.config(), elapsedSeconds));
        write(new JournalEvent.TrialStarted(trial.id(), elapsedSeconds));
    }

    @Override
    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        write(new JournalEvent.TrialFinished(result.trial().id(), result.outcome(), elapsedSeconds));
    }

    /** Forces what was written to the disk and closes the file. */
    @Override
    public synchronized void close() {
        try {
            out.getFD().sync();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }
}
