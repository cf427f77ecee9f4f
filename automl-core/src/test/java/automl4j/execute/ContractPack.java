package automl4j.execute;

import automl4j.learn.Learner;
import java.util.List;

/** Lets runners rebuild {@link ContractLearner} by id (listed in META-INF/services/automl4j.execute.PluginPack). */
public final class ContractPack implements PluginPack {
    @Override
    public List<Learner> learners() {
        return List.of(new ContractLearner());
    }
}
