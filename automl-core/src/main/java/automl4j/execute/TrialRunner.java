package automl4j.execute;

import java.util.concurrent.CompletableFuture;

/**
 * Where trials run: the one seam between the search and the machines that fit models. The search loop sees only
 * {@link #capacity()}, {@link #submit} and {@link #close()}; in-process, worker-process, GPU and routing runners
 * implement it and compose, and a runner outside the core (a Spark one) needs nothing package-private: a
 * {@link TrialTask} is plain data, {@link SplitStore} holds the featurized splits it names, {@link PluginRegistry}
 * rebuilds learners and metrics by id, and {@link TrialEvaluator} fits and scores one trial.
 *
 * <p>Contract (checked by {@code TrialRunnerContract} in automl-core's test jar):
 * <ul>
 *   <li>never more than {@link #capacity()} trials run at once; tasks submitted beyond it wait in submission order;</li>
 *   <li>the future always completes normally, with the trial's outcome: {@link TrialOutcome.Completed} or
 *       {@link TrialOutcome.Pruned}, {@link TrialOutcome.Failed} when the learner throws (or a plug-in id is unknown),
 *       {@link TrialOutcome.OutOfMemory}, {@link TrialOutcome.Crashed}, and at the task's hard deadline
 *       {@link TrialOutcome.TimedOut} (or {@link TrialOutcome.Cancelled} when the search's end, not the trial's own
 *       timeout, set the deadline; see {@link TrialTask.Deadline});</li>
 *   <li>cancelling the future abandons the trial (its thread is left to finish, or its worker is killed);</li>
 *   <li>{@link #close()} ends running work (their futures complete as cancelled) and frees the runner's resources;
 *       a later {@link #submit} throws {@link IllegalStateException}.</li>
 * </ul>
 * Implementations are thread-safe. This interface may still change before 1.0.
 */
public interface TrialRunner extends AutoCloseable {
    /** Trials this runner runs at once, at least 1. */
    int capacity();

    /**
     * Starts {@code task}, or queues it until a trial finishes when {@link #capacity()} trials run already.
     *
     * @return the trial's outcome, completed normally (never exceptionally)
     * @throws IllegalStateException if the runner is closed
     */
    CompletableFuture<TrialOutcome> submit(TrialTask task);

    /** Ends running and queued trials and frees the runner's threads, processes and files; idempotent. */
    @Override
    void close();
}
