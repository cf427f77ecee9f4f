package automl4j.journal;

import automl4j.execute.TrialOutcome;
import automl4j.searchloop.PriorTrials;
import automl4j.space.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journal as read back: its complete lines, checked against each other. A last line without its line break is the
 * trace of a process killed while writing and is ignored; any other line that is not a valid event, or events that
 * contradict each other, make the whole journal unreadable, with the line named, rather than misread.
 */
public final class Journal {
    /** Format version written into new journals. */
    public static final int FORMAT_VERSION = 1;

    private final Path file;
    private final List<JournalEvent> events;
    private final long validBytes;
    private final JournalEvent.RunStarted header;
    private final List<Config> proposed = new ArrayList<>();
    private final Map<Integer, TrialOutcome> finished = new LinkedHashMap<>();
    private JournalEvent.RunFinished end;
    private double elapsedSeconds;

    private Journal(Path file, List<JournalEvent> events, long validBytes) {
        this.file = file;
        this.events = List.copyOf(events);
        this.validBytes = validBytes;
        if (events.isEmpty()) {
            throw new JournalException("journal " + file + " holds no complete line");
        }
        if (!(events.get(0) instanceof JournalEvent.RunStarted h)) {
            throw new JournalException("journal " + file + " line 1: expected the run_started event, found " + events.get(0).name());
        }
        if (h.formatVersion() != FORMAT_VERSION) {
            throw new JournalException("journal " + file + " has format " + h.formatVersion() + "; this version reads format "
                    + FORMAT_VERSION);
        }
        this.header = h;
        for (int i = 1; i < events.size(); i++) {
            apply(events.get(i), i + 1);
        }
    }

    /**
     * Reads the journal at {@code file}.
     *
     * @throws JournalException naming the line, if a complete line is not a valid event or contradicts the lines before
     */
    public static Journal read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /** The journal in {@code bytes}, read from {@code file}. */
    static Journal parse(Path file, byte[] bytes) {
        List<JournalEvent> events = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNumber++;
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart)).toString();
            } catch (CharacterCodingException e) {
                throw new JournalException("journal " + file + " line " + lineNumber + ": not UTF-8 text");
            }
            try {
                events.add(JournalCodec.read(line));
            } catch (IllegalArgumentException e) {
                throw new JournalException("journal " + file + " line " + lineNumber + ": " + e.getMessage());
            }
            lineStart = i + 1;
        }
        return new Journal(file, events, lineStart);
    }

    private void apply(JournalEvent e, int line) {
        if (end != null) {
            throw new JournalException("journal " + file + " line " + line + ": " + e.name() + " after run_finished");
        }
        if (e instanceof JournalEvent.RunStarted) {
            throw new JournalException("journal " + file + " line " + line + ": a second run_started event");
        } else if (e instanceof JournalEvent.TrialProposed p) {
            if (p.trial() < proposed.size()) {
                if (!proposed.get(p.trial()).equals(p.config())) {
                    throw new JournalException("journal " + file + " line " + line + ": trial " + p.trial()
                            + " proposed again with another config");
                }
            } else if (p.trial() == proposed.size()) {
                proposed.add(p.config());
            } else {
                throw new JournalException("journal " + file + " line " + line + ": trial " + p.trial() + " proposed before trial "
                        + proposed.size());
            }
        } else if (e instanceof JournalEvent.TrialStarted s) {
            checkProposed(s.trial(), line, e);
        } else if (e instanceof JournalEvent.TrialFinished f) {
            checkProposed(f.trial(), line, e);
            if (finished.putIfAbsent(f.trial(), f.outcome()) != null) {
                throw new JournalException("journal " + file + " line " + line + ": trial " + f.trial() + " finished twice");
            }
        } else if (e instanceof JournalEvent.RunFinished r) {
            end = r;
        }
        elapsedSeconds = Math.max(elapsedSeconds, elapsed(e));
    }

    private void checkProposed(int trial, int line, JournalEvent e) {
        if (trial < 0 || trial >= proposed.size()) {
            throw new JournalException("journal " + file + " line " + line + ": " + e.name() + " of trial " + trial
                    + ", which was never proposed");
        }
    }

    private static double elapsed(JournalEvent e) {
        if (e instanceof JournalEvent.Resumed r) {
            return r.elapsedSeconds();
        }
        if (e instanceof JournalEvent.TrialProposed p) {
            return p.elapsedSeconds();
        }
        if (e instanceof JournalEvent.TrialStarted s) {
            return s.elapsedSeconds();
        }
        if (e instanceof JournalEvent.TrialFinished f) {
            return f.elapsedSeconds();
        }
        return e instanceof JournalEvent.RunFinished r ? r.elapsedSeconds() : 0;
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** The events of its complete lines, in order. */
    public List<JournalEvent> events() {
        return events;
    }

    /** Length of its complete lines in bytes; anything after it is a torn last line. */
    public long validBytes() {
        return validBytes;
    }

    /** The first line: settings and data fingerprint. */
    public JournalEvent.RunStarted header() {
        return header;
    }

    /** The run_finished event, if the run got that far. */
    public Optional<JournalEvent.RunFinished> end() {
        return Optional.ofNullable(end);
    }

    /** The latest elapsed time any event recorded. */
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /** What a resumed run continues from: proposed configs, finished outcomes and time spent. */
    public PriorTrials prior() {
        return new PriorTrials(proposed, finished, elapsedSeconds);
    }
}
