package automl4j.toyrunner;

import automl4j.execute.SplitStore;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerContract;

/** A runner written with public types only, outside the core's package, keeps the {@link TrialRunner} contract. */
class FreshThreadRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new FreshThreadRunner(capacity, splits);
    }
}
