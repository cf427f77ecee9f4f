package automl4j.execute;

import java.util.Arrays;
import java.util.List;

/**
 * JVM options that make a worker process cheaper to start and run beside the engine on a few cores, apart from its
 * heap limit and the class archive ({@link WorkerClassArchive}).
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
