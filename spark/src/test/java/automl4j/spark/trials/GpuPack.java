package automl4j.spark.trials;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.execute.ContractLearner;
import automl4j.execute.PluginPack;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets executors rebuild the GPU probes by id. No GPU is used: each probe sleeps as {@link ContractLearner} does and
 * says which device it was given, so that a test sees where Spark's scheduling (or the runner) sent its trials.
 */
public final class GpuPack implements PluginPack {
    @Override
    public List<Learner> learners() {
        return List.of(new Probe(), new FallbackProbe(), new StderrProbe());
    }

    /**
     * A learner that can train on a GPU: a fit sleeps {@code millis} (from its space) and reports the device it was
     * given as the one it trained on, as a learner that used it would; its refit settings say when it fitted
     * ({@code started_ms}, {@code ended_ms}) and in which JVM ({@code pid}), so that a test sees which trials overlapped
     * on one executor.
     */
    public static class Probe implements Learner {
        static final String ID = "gpu-probe";

        static Config config(int millis) {
            return Config.of(ID, Map.of("millis", millis));
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of(new IntParam("millis", 100, 300, false));
        }

        @Override
        public LearnerTraits traits() {
            return LearnerTraits.defaults().withUsesGpu(true);
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            int millis = (Integer) config.values().get("millis");
            begin(context);
            FittedModel slept = new ContractLearner().fit(data, ContractLearner.config("sleep", millis), context);
            Map<String, Object> settings = new HashMap<>(slept.refitSettings());
            settings.put("pid", (double) ProcessHandle.current().pid());
            String device = trainedOn(context.device());
            return new FittedModel() {
                @Override
                public Predictions predict(FeatureMatrix features) {
                    return slept.predict(features);
                }

                @Override
                public Map<String, Object> refitSettings() {
                    return settings;
                }

                @Override
                public String device() {
                    return device;
                }

                @Override
                public ModelArtifact export() {
                    return slept.export();
                }
            };
        }

        /** What a fit does before it sleeps. */
        void begin(FitContext context) {
        }

        /** Where a fit given {@code given} says it trained. */
        String trainedOn(String given) {
            return given;
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException(ID + " models are not exported");
        }
    }

    /** A GPU learner without its GPU build, as XGBoost without CUDA: given a GPU, it trains on the CPU and says so. */
    public static final class FallbackProbe extends Probe {
        static final String ID = "gpu-fallback-probe";

        static Config config(int millis) {
            return Config.of(ID, Map.of("millis", millis));
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        String trainedOn(String given) {
            return FitContext.CPU;
        }
    }

    /**
     * A GPU learner whose library moves a GPU fit to the CPU and says so only on the process's standard error, as
     * XGBoost without CUDA does: it writes XGBoost's warning there, then reports the device it was given.
     */
    public static final class StderrProbe extends Probe {
        static final String ID = "gpu-stderr-probe";

        static Config config(int millis) {
            return Config.of(ID, Map.of("millis", millis));
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        void begin(FitContext context) {
            if (!context.device().equals(FitContext.CPU)) {
                System.err.println("WARNING: " + ExecutorStderr.FALLBACK + " (as XGBoost writes it)");
                System.err.flush();
            }
        }
    }
}
