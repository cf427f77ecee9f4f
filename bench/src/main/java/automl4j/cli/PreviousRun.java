package automl4j.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The journal and effective config of an earlier run in an output folder, set aside when a new run starts there:
 * they move together into {@code previous-<yyyyMMdd-HHmmss>/} in the folder, where
 * {@code automl run --resume <that folder>} still continues the earlier run. If the new run fails before its first
 * trial (a setting or the data is refused by the engine), {@link #restore()} puts them back as they were.
 */
final class PreviousRun {
    /** Prefix of the folders earlier runs' files are kept in. */
    static final String PREFIX = "previous-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private final Path kept;
    private final List<String> moved;

    private PreviousRun(Path dir, Path kept, List<String> moved) {
        this.dir = dir;
        this.kept = kept;
        this.moved = List.copyOf(moved);
    }

    /**
     * Moves the earlier run's {@value RunExecution#JOURNAL_FILE} and {@value RunExecution#EFFECTIVE_CONFIG_FILE} out of
     * {@code dir}, if it holds a journal; call it under the folder's lock.
     *
     * @return what was set aside, or null if {@code dir} holds no journal
     */
    static PreviousRun setAside(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunExecution.JOURNAL_FILE))) {
            return null;
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path kept = dir.resolve(PREFIX + stamp);
        for (int i = 2; ; i++) {
            try {
                Files.createDirectory(kept);
                break;
            } catch (FileAlreadyExistsException e) {
                kept = dir.resolve(PREFIX + stamp + "-" + i);
            }
        }
        List<String> moved = new ArrayList<>();
        for (String name : List.of(RunExecution.EFFECTIVE_CONFIG_FILE, RunExecution.JOURNAL_FILE)) {
            if (Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), kept.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                moved.add(name);
            }
        }
        return new PreviousRun(dir, kept, moved);
    }

    /** The folder the earlier run's files are kept in. */
    Path folder() {
        return kept;
    }

    /** The line that tells the user where the earlier run went. */
    String message() {
        return "Kept the " + String.join(" and ", moved) + " of the earlier run in " + kept + " (to continue that run: automl run --resume "
                + kept + ")";
    }

    /** Puts the earlier run's files back, replacing what the new run wrote in their place, and removes the kept folder. */
    void restore() throws IOException {
        Files.deleteIfExists(dir.resolve(RunExecution.JOURNAL_FILE));
        Files.deleteIfExists(dir.resolve(RunExecution.EFFECTIVE_CONFIG_FILE));
        for (String name : moved) {
            Files.move(kept.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(kept);
    }
}
