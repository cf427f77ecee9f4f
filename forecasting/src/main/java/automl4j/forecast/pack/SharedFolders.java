package automl4j.forecast.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared data folders, which lie beside the repository rather than inside it: a system property
 * first, then the working directory and each of its ancestors.
 */
public final class SharedFolders {
    private SharedFolders() {
    }

    /**
     * The folder named by {@code property}, or the first {@code relative} folder under the working directory or an
     * ancestor that holds {@code marker}.
     *
     * @param property a system property that names the folder, checked first
     * @param relative the folder's path below an ancestor, such as {@code shared/datasets/forecasting}
     * @param marker   a file the folder must hold
     * @return the folder, or empty
     */
    public static Optional<Path> find(String property, String relative, String marker) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isRegularFile(p.resolve(marker)) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
