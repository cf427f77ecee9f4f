package automl4j.execute;

/** The in-process runner keeps the {@link TrialRunner} contract. */
class InProcessRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new InProcessRunner(TrialExecutor.of(capacity, 1), splits, learners(), metrics(), PredictionSink.NONE);
    }
}
