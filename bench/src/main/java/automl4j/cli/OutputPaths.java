package automl4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output folder or file can be written: not an existing file where a folder is
 * wanted (or the reverse), not under a file, and in a folder this process may write into. Writability is tested by
 * creating and removing a file there, so it holds for any user (permission bits do not stop root) and any file system.
 * Each failure is a {@link UsageException} naming the option or key, the path and what is wrong.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks that {@code dir} is a folder this process can write into, or can be created as one.
     *
     * @param what the option or config key that gave the path, such as {@code config key 'output'} or {@code --out}
     * @throws UsageException if it cannot
     */
    static void checkFolder(Path dir, String what) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(what + ": " + abs + " is an existing file, not a folder; give a folder (it is created if missing)");
        }
        probe(nearestExisting(abs, what, abs), what, abs);
    }

    /**
     * Checks that {@code file} can be written: not a folder, and in a folder that exists or can be created and is writable.
     *
     * @throws UsageException if it cannot
     */
    static void checkFile(Path file, String what) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new UsageException(what + ": " + abs + " is a folder; give the name of the file to write");
        }
        if (abs.getParent() == null) {
            throw new UsageException(what + ": " + abs + " cannot be written: it is not in a folder");
        }
        probe(nearestExisting(abs.getParent(), what, abs), what, abs);
    }

    /** {@code start} or the nearest folder above it that exists; fails if that is a file (so {@code wanted} cannot be made). */
    private static Path nearestExisting(Path start, String what, Path wanted) {
        Path p = start;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new UsageException(what + ": " + wanted + " cannot be created: none of the folders above it exists");
        }
        if (!Files.isDirectory(p)) {
            throw new UsageException(what + ": " + wanted + " cannot be " + (p.equals(wanted) ? "used" : "created") + ": " + p
                    + " is a file, not a folder");
        }
        return p;
    }

    /** Creates and removes a file in {@code folder}; fails naming {@code wanted} if that is not allowed. */
    private static void probe(Path folder, String what, Path wanted) {
        Path probe;
        try {
            probe = Files.createTempFile(folder, ".automl4j-probe-", ".tmp");
        } catch (AccessDeniedException e) {
            throw new UsageException(what + ": " + wanted + " cannot be written: no permission to write in " + folder);
        } catch (IOException | SecurityException e) {
            throw new UsageException(what + ": " + wanted + " cannot be written: " + folder + ": " + e.getMessage());
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            // A probe file we could create but not remove is harmless; the output itself can be written.
        }
    }
}
