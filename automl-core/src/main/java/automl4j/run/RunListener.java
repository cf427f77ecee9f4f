package automl4j.run;

/** Receives progress of a run, on the thread that drives the search. Implementations must return quickly. */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** A trial finished (in any way); {@code best} is the best completed trial so far, or null. */
    default void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
    }

    /** A message worth showing the user (loaded plug-ins, validation scheme, data problems). */
    default void info(String message) {
    }
}
