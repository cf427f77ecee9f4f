package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.internal.RunTempFolder;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run leaves nothing in the temporary folder: split files and what worker processes unpack go with the run. */
class TempFilesTest {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    /**
     * Logistic regression that, like XGBoost4J loading its native library, leaves a file in {@code java.io.tmpdir}
     * at each fit, named after the process that started it (the test's JVM, when the fit runs in a worker).
     */
    public static final class UnpacksNative implements Learner {
        private static Learner logistic() {
            return Learners.byId(Learners.discovered()).get("smile-logistic");
        }

        @Override
        public String id() {
            return "unpacks-native";
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return logistic().tasks();
        }

        @Override
        public SearchSpace space(Task task) {
            return logistic().space(task);
        }

        @Override
        public automl4j.learn.LearnerTraits traits() {
            return automl4j.learn.LearnerTraits.defaults().withNativeCode(true);
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
            try {
                File.createTempFile(marker(parent), ".so");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return logistic().fit(data, Config.of("smile-logistic", config.values()), context);
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            return logistic().load(artifact);
        }
    }

    private static String marker(long pid) {
        return "automl4j-unpack-test-" + pid + "-";
    }

    /** Files under the temporary folder (and one level into folders) whose name starts with {@code prefix}. */
    private static List<Path> found(String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(TMP, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (UncheckedIOException e) {
            return List.of();   // another process removed a folder while it was listed; nothing of ours
        }
    }

    @AfterEach
    void removeMarkersOfInProcessFits() throws IOException {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        for (Path p : found(marker(parent))) {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void nothingOfARunWithWorkersIsLeftInTheTemporaryFolder() throws IOException {
        long self = ProcessHandle.current().pid();
        List<Path> before = found(RunTempFolder.PREFIX + self + "-");
        AutoMlRun run = AutoMl.builder().seed(2).budget(Budget.ofTrials(3)).learners(List.of(new UnpacksNative()))
                .isolation(Isolation.WORKERS).workerHeapMb(256).cores(1).ensembleRounds(0).build()
                .fit(TaskData.of(DefaultDataset.generate(200, 3), DefaultDataset.TARGET));
        assertThat(run.leaderboard().completedCount()).isEqualTo(3);
        assertThat(found(marker(self))).as("files the workers unpacked").isEmpty();
        assertThat(found(RunTempFolder.PREFIX + self + "-")).as("the run's temporary folder").isEqualTo(before);
    }
}
