package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.DataShape;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryLimitTest {
    /** Fits slowly through smile-logistic, recording how many of its fits ran at once; claims {@code bytes} per fit. */
    static final class Probe implements Learner {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final Learner inner = Learners.byId(Learners.discovered()).get("smile-logistic");
        private final long bytes;

        Probe(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public String id() {
            return "probe";
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return inner.tasks();
        }

        @Override
        public SearchSpace space(Task task) {
            return inner.space(task);
        }

        @Override
        public long memoryEstimate(DataShape shape, Config config) {
            return bytes;
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(40);
                return inner.fit(data, Config.of(inner.id(), config.values()), context);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            return inner.load(artifact);
        }
    }

    private static AutoMlRun run(Probe probe) {
        return AutoMl.builder().seed(2).budget(Budget.ofTrials(8)).learners(List.of(probe)).cores(2).ensembleRounds(0)
                .pruning(false).build().fit(TaskData.of(DefaultDataset.generate(200, 4), DefaultDataset.TARGET));
    }

    @Test
    void trialsThatTogetherExceedTheHeapRunOneAtATimeAndTheLeaderboardDoesNotChange() {
        Probe small = new Probe(1 << 20);
        Probe large = new Probe(Runtime.getRuntime().maxMemory() * 2 / 3);
        AutoMlRun a = run(small);
        AutoMlRun b = run(large);
        assertThat(small.mostAtOnce.get()).isEqualTo(2);
        assertThat(large.mostAtOnce.get()).isEqualTo(1);
        assertThat(b.leaderboard().rows().stream().map(r -> r.completed().score()).toList())
                .isEqualTo(a.leaderboard().rows().stream().map(r -> r.completed().score()).toList());
    }
}
