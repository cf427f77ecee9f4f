package automl4j.searchloop;

import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import java.util.List;

/**
 * Receives progress of a run, on the thread that drives the search (an {@link #info} from the trial runner may come
 * from its own thread, but never while another call runs), in the order things happen. Implementations must
 * return quickly: the search waits for them. Elapsed times count from the run's start (for a resumed run, from the
 * start of the run it continues).
 */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** A trial was proposed and handed to the executor. */
    default void trialStarted(Trial trial, double elapsedSeconds) {
    }

    /** A trial finished (in any way); {@code best} is the best completed trial so far, or null. */
    default void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
    }

    /** {@code best} completed with a better score than every trial before it. Called after {@link #trialFinished}. */
    default void newBest(TrialResult best, double elapsedSeconds) {
    }

    /** A message worth showing the user (loaded plug-ins, validation scheme, data problems). */
    default void info(String message) {
    }

    /** A listener that passes every event to each of {@code listeners}, in order. */
    static RunListener all(List<RunListener> listeners) {
        List<RunListener> copy = List.copyOf(listeners);
        return new RunListener() {
            @Override
            public void trialStarted(Trial trial, double elapsedSeconds) {
                copy.forEach(l -> l.trialStarted(trial, elapsedSeconds));
            }

            @Override
            public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                copy.forEach(l -> l.trialFinished(result, best, elapsedSeconds));
            }

            @Override
            public void newBest(TrialResult best, double elapsedSeconds) {
                copy.forEach(l -> l.newBest(best, elapsedSeconds));
            }

            @Override
            public void info(String message) {
                copy.forEach(l -> l.info(message));
            }
        };
    }
}
