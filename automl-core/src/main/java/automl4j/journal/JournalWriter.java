package automl4j.journal;

import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to a journal as the run goes. Each event is one line handed to the operating system in one write,
 * so a process killed at any moment leaves complete lines and at most one torn last line, which {@link Journal#read}
 * ignores. Lines are not forced to the disk one by one (that would cost milliseconds per trial): the journal survives
 * the death of the process, not of the machine.
 */
public final class JournalWriter implements RunListener, AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private JournalWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Starts a new journal at {@code file} (replacing what was there) with {@code header} as its first line. */
    public static JournalWriter create(Path file, JournalEvent.RunStarted header) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            JournalWriter w = new JournalWriter(file, ch);
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
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            ch.truncate(read.validBytes());
            ch.position(read.validBytes());
            return new JournalWriter(file, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code event} as one line. */
    public synchronized void write(JournalEvent event) {
        ByteBuffer line = ByteBuffer.wrap((JournalCodec.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
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
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }
}
