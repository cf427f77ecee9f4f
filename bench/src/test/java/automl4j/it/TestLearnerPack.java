package automl4j.it;

import automl4j.bench.jmh.ExecutorOverhead;
import automl4j.execute.PluginPack;
import automl4j.learn.Learner;
import java.util.List;

/**
 * The bench tests' own learners that must run in worker processes, which rebuild learners by id: listed in this test
 * tree's {@code META-INF/services/automl4j.execute.PluginPack} rather than as learner services, so that runs with the
 * default learners do not pick them up.
 */
public final class TestLearnerPack implements PluginPack {
    @Override
    public List<Learner> learners() {
        return List.of(new FaultyLearners.Throws(), new FaultyLearners.Hangs(), new FaultyLearners.ExhaustsMemory(),
                new FaultyLearners.KillsJvm(), new GpuSchedulingTest.PretendGpu(), new TempFilesTest.UnpacksNative(),
                new ExecutorOverhead.Instant());
    }
}
