package automl4j.execute;

import java.util.Arrays;
import java.util.List;

/**
 * Extra JVM options of worker processes, apart from their heap limit and the class archive ({@link WorkerClassArchive}):
 * none by default. {@code -XX:TieredStopAtLevel=1} (C1 only) saved about a fifth of a small-data run's CPU in one
 * measurement on a loaded 2-core machine (issue 16), but makes long pure-Java fits (forests on large tables, which stay
 * in workers) slower, so it is left to the system property {@value #PROPERTY}.
 */
final class WorkerJvmOptions {
    /** System property that replaces the defaults: options separated by spaces, or empty for none. */
    static final String PROPERTY = "automl4j.worker.jvm_options";

    private WorkerJvmOptions() {
    }

    /** The options: those of system property {@value #PROPERTY} if set, else the defaults. */
    static List<String> startUp() {
        String asked = System.getProperty(PROPERTY);
        if (asked != null) {
            return Arrays.stream(asked.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}
