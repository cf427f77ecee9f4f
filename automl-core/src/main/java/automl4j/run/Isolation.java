package automl4j.run;

import automl4j.learn.Learner;

/** Where trials run: in the engine's JVM, or in worker processes that a crash, a hang or a full heap cannot take down. */
public enum Isolation {
    /** Every trial in the engine's JVM: no start-up cost, but a crash in native code ends the run. */
    IN_PROCESS,
    /** Learners with native code ({@link Learner#nativeCode()}, such as XGBoost) in worker processes, the rest in-process. */
    NATIVE_IN_WORKERS,
    /** Every learner that a worker can rebuild (a public class with a public no-arg constructor) in worker processes. */
    WORKERS;

    /** Whether a trial of {@code learner} runs in a worker under this setting. */
    boolean inWorker(Learner learner) {
        return switch (this) {
            case IN_PROCESS -> false;
            case NATIVE_IN_WORKERS -> learner.nativeCode() && WorkerPool.canRun(learner);
            case WORKERS -> WorkerPool.canRun(learner);
        };
    }

    /** The setting's name in config files: {@code in_process}, {@code native_in_workers}, {@code workers}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
