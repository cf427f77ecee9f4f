package automl4j.execute;

import automl4j.learn.Learner;

/** Where trials run: in the engine's JVM, or in worker processes that a crash, a hang or a full heap cannot take down. */
public enum Isolation {
    /** Every trial in the engine's JVM: no start-up cost, but a crash in native code ends the run. */
    IN_PROCESS,
    /** Learners with native code ({@link automl4j.learn.LearnerTraits#nativeCode()}, such as XGBoost) in worker processes, the rest in-process. */
    NATIVE_IN_WORKERS,
    /**
     * Learners with native code, and learners whose fits cannot stop at their deadline ({@link automl4j.learn.LearnerTraits#stopsAtDeadline()}
     * false: forests and linear models of Smile and Tribuo), in worker processes, where a trial abandoned at the end
     * of the search is killed instead of taking cores from the final refit; the rest in-process. A learner without
     * native code whose trials on the data at hand typically fit in under two seconds runs in-process after its
     * first trial: so short a fit takes little from what follows, and small data would lose many trials to a worker's
     * overhead.
     * The default.
     */
    GUARDED,
    /**
     * Every learner that a worker can rebuild in worker processes: one listed in
     * {@code META-INF/services/automl4j.learn.Learner} (or a {@link PluginPack}), found by its id. If the worker
     * processes cannot be started or reached, those trials fail (saying why) rather than run in the engine's JVM; the
     * other settings run them in-process then.
     */
    WORKERS;

    /** Whether a trial of {@code learner} runs in a worker under this setting. */
    public boolean inWorker(Learner learner) {
        return switch (this) {
            case IN_PROCESS -> false;
            case NATIVE_IN_WORKERS -> learner.traits().nativeCode() && PluginRegistry.shared().canRebuild(learner);
            case GUARDED -> (learner.traits().nativeCode() || !learner.traits().stopsAtDeadline()) && PluginRegistry.shared().canRebuild(learner);
            case WORKERS -> PluginRegistry.shared().canRebuild(learner);
        };
    }

    /** The setting's name in config files: {@code in_process}, {@code native_in_workers}, {@code guarded}, {@code workers}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
