package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Gpus;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.searchers.random.RandomSearcher;
import automl4j.searchloop.RunListener;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GpuSchedulingTest {
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(300, 5), DefaultDataset.TARGET);
    private static final Gpus.Gpu PRETEND = new Gpus.Gpu(0, "pretend", 1024);

    /** Sleeps 20 ms per fit and reports the device it was given, as a GPU learner that really used it would. */
    public static final class PretendGpu implements Learner {
        @Override
        public String id() {
            return "pretend-gpu";
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of(new IntParam("k", 1, 100, false));
        }

        @Override
        public automl4j.learn.LearnerTraits traits() {
            return automl4j.learn.LearnerTraits.defaults().withUsesGpu(true);
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> classes = data.target().classes();
            String device = context.device();
            return new FittedModel() {
                @Override
                public Predictions predict(FeatureMatrix features) {
                    double[][] p = new double[features.rows()][];
                    Arrays.setAll(p, i -> new double[] {0.5, 0.5});
                    return Predictions.ofProbabilities(new Classification(classes), classes, p);
                }

                @Override
                public String device() {
                    return device;
                }

                @Override
                public ModelArtifact export() {
                    return new ModelArtifact("pretend-gpu", "none", Map.of(), new byte[0]);
                }
            };
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("test learner");
        }
    }

    /** When each trial started and finished, as the engine saw it. */
    private static final class Intervals implements RunListener {
        final Map<Integer, Double> started = new HashMap<>();
        final Map<Integer, Double> finished = new HashMap<>();
        final List<String> info = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void trialStarted(Trial trial, double elapsedSeconds) {
            started.put(trial.id(), elapsedSeconds);
        }

        @Override
        public synchronized void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
            finished.put(result.trial().id(), elapsedSeconds);
        }

        @Override
        public void info(String message) {
            info.add(message);
        }

        /** Most trials among {@code ids} that ran at the same moment. */
        synchronized int mostAtOnce(List<Integer> ids) {
            int most = 0;
            for (int a : ids) {
                int atOnce = 0;
                for (int b : ids) {
                    if (started.get(b) <= started.get(a) && finished.get(b) > started.get(a)) {
                        atOnce++;
                    }
                }
                most = Math.max(most, atOnce);
            }
            return most;
        }
    }

    @Test
    void aGpuTrialTakesTheFreeGpuAndTheNextOneACpuSlotAndNeitherIsShared() {
        Intervals seen = new Intervals();
        AutoMlRun run = AutoMl.builder().seed(2).budget(Budget.ofTrials(8)).learners(List.of(new PretendGpu()))
                .searcher(new RandomSearcher()).portfolio(Portfolio.none()).ensembleRounds(0).pruning(false)
                .gpus(List.of(PRETEND)).cores(1).workerHeapMb(256).listener(seen).build().fit(DATA);

        Map<Integer, String> device = new HashMap<>();
        run.leaderboard().rows().forEach(r -> device.put(r.trial().id(), r.completed().device()));
        assertThat(device).hasSize(8);
        assertThat(device.get(0)).isEqualTo("cuda:0");
        assertThat(device.get(1)).isEqualTo("cpu");
        List<Integer> onGpu = new ArrayList<>();
        List<Integer> onCpu = new ArrayList<>();
        device.forEach((id, d) -> (d.equals("cuda:0") ? onGpu : onCpu).add(id));
        assertThat(onGpu.size() + onCpu.size()).isEqualTo(8);
        assertThat(seen.mostAtOnce(onGpu)).isEqualTo(1);
        assertThat(seen.mostAtOnce(onCpu)).isEqualTo(1);
        assertThat(seen.info).anyMatch(m -> m.contains("GPUs: [cuda:0 pretend (1024 MiB)]"));
    }

    @Test
    void xgboostGivenAGpuItCannotUseTrainsOnTheCpuAndTheLeaderboardSaysSo() {
        assumeTrue(Gpus.detected().isEmpty(), "on a machine with a GPU the CUDA build of XGBoost may really use it");
        Intervals seen = new Intervals();
        Learner xgboost = Learners.byId(Learners.discovered()).get("xgboost");
        AutoMlRun run = AutoMl.builder().seed(4).budget(Budget.ofTrials(5)).learners(List.of(xgboost))
                .searcher(new RandomSearcher()).portfolio(Portfolio.none()).ensembleRounds(0).pruning(false)
                .gpus(List.of(PRETEND)).cores(1).workerHeapMb(256).listener(seen).build().fit(DATA);

        assertThat(run.leaderboard().rows()).hasSize(5)
                .allSatisfy(r -> assertThat(r.completed().device()).isEqualTo("cpu"));
        assertThat(seen.info).anyMatch(m -> m.startsWith("trial 0 (xgboost) was given cuda:0 but trained on the CPU"));
    }
}
