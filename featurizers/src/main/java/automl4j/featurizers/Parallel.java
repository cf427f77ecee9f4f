package automl4j.featurizers;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a parallel loop and rethrows a failure of one of its tasks as it was thrown. A fork-join worker's exception
 * reaches the caller as a new exception of the same type whose message is the original's {@code toString()}
 * ({@code java.lang.IllegalArgumentException: column 'a' ...}); users saw that prefix in error messages (issue 14).
 */
final class Parallel {
    private Parallel() {
    }

    /** Runs {@code body} for each index of {@code indexes}, rethrowing a task's own exception. */
    static void forEach(IntStream indexes, IntConsumer body) {
        try {
            indexes.forEach(body);
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
    }

    /** The original exception of a fork-join copy, else {@code e}. */
    static RuntimeException unwrapped(RuntimeException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException original && original.getClass() == e.getClass()
                && String.valueOf(e.getMessage()).equals(original.toString())) {
            return original;
        }
        return e;
    }
}
