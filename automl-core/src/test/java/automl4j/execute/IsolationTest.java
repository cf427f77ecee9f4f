package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IsolationTest {
    /** Declares nothing: Java code that cannot stop at its deadline, like the forests. */
    public static class Unstoppable implements Learner {
        @Override
        public String id() {
            return getClass().getSimpleName();
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class, Regression.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of();
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            throw new UnsupportedOperationException("not fitted in this test");
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("not loaded in this test");
        }
    }

    /** Java code that checks its deadline between rounds. */
    public static class Stoppable extends Unstoppable {
        @Override
        public automl4j.learn.LearnerTraits traits() {
            return super.traits().withStopsAtDeadline(true);
        }
    }

    /** Native code that stops at its deadline, like XGBoost. */
    public static class NativeStoppable extends Stoppable {
        @Override
        public automl4j.learn.LearnerTraits traits() {
            return super.traits().withNativeCode(true);
        }
    }

    /** A worker cannot build it: listed in no services file (nor could it be: no public no-arg constructor). */
    public static class NotRebuildable extends NativeStoppable {
        public NotRebuildable(int unused) {
        }
    }

    /** Lets runners rebuild this test's learners by id (listed in META-INF/services/automl4j.execute.PluginPack). */
    public static final class Pack implements PluginPack {
        @Override
        public java.util.List<Learner> learners() {
            return java.util.List.of(new Unstoppable(), new Stoppable(), new NativeStoppable());
        }
    }

    @Test
    void eachSettingSendsTheLearnersItNamesToWorkers() {
        Learner unstoppable = new Unstoppable();
        Learner stoppable = new Stoppable();
        Learner nativeCode = new NativeStoppable();
        assertThat(Isolation.IN_PROCESS.inWorker(unstoppable)).isFalse();
        assertThat(Isolation.IN_PROCESS.inWorker(nativeCode)).isFalse();

        assertThat(Isolation.NATIVE_IN_WORKERS.inWorker(nativeCode)).isTrue();
        assertThat(Isolation.NATIVE_IN_WORKERS.inWorker(unstoppable)).isFalse();

        assertThat(Isolation.GUARDED.inWorker(nativeCode)).isTrue();
        assertThat(Isolation.GUARDED.inWorker(unstoppable)).isTrue();
        assertThat(Isolation.GUARDED.inWorker(stoppable)).isFalse();

        assertThat(Isolation.WORKERS.inWorker(stoppable)).isTrue();
    }

    @Test
    void aLearnerAWorkerCannotBuildStaysInProcessUnderEverySetting() {
        Learner l = new NotRebuildable(0);
        for (Isolation i : Isolation.values()) {
            assertThat(i.inWorker(l)).as(i.label()).isFalse();
        }
    }

    @Test
    void labelsAreTheConfigFileNames() {
        assertThat(Isolation.GUARDED.label()).isEqualTo("guarded");
        assertThat(Isolation.NATIVE_IN_WORKERS.label()).isEqualTo("native_in_workers");
    }
}
