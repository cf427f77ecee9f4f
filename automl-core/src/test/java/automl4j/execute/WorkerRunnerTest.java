package automl4j.execute;

/**
 * The worker-process runner keeps the {@link TrialRunner} contract: its workers rebuild {@link ContractLearner} and the
 * metric by id, and a hung fit past its hard deadline costs its worker.
 */
class WorkerRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new WorkerRunner(capacity, 128, splits, PredictionSink.NONE);
    }
}
