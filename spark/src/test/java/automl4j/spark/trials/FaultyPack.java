package automl4j.spark.trials;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.execute.ContractLearner;
import automl4j.execute.PluginPack;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets executors rebuild {@link Faulty} by id. Local mode runs the executor in the test's JVM, where a real executor
 * death would end the test; {@link Faulty} stands in for it with an {@link Error} that is not the learner's doing
 * ({@link TrialFunction} fails the task with it, as a lost executor fails it). The standalone-cluster test kills a real
 * executor instead.
 */
public final class FaultyPack implements PluginPack {
    @Override
    public List<Learner> learners() {
        return List.of(new Faulty(), new Sleepy());
    }

    /**
     * A learner for searches whose trials must take a while (so that an executor can be killed in the middle of one):
     * each fit sleeps {@code millis}, from its space, then fits as {@link ContractLearner} does.
     */
    public static final class Sleepy implements Learner {
        static final String ID = "sleepy-probe";

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
            return SearchSpace.of(new automl4j.space.IntParam("millis", 100, 200, false));
        }

        /**
         * With the system property {@value #FITS_PROPERTY} (a folder), a fit marks the folder with a file named after its
         * JVM's process id while it runs, so that a test can kill an executor in the middle of a trial.
         */
        static final String FITS_PROPERTY = "automl4j.test.fits";

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            int millis = (Integer) config.values().get("millis");
            String folder = System.getProperty(FITS_PROPERTY);
            java.nio.file.Path mark = folder == null ? null : java.nio.file.Path.of(folder, Long.toString(ProcessHandle.current().pid()));
            try {
                if (mark != null) {
                    java.nio.file.Files.writeString(mark, "fitting");
                }
                return new ContractLearner().fit(data, ContractLearner.config("sleep", millis), context);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (mark != null) {
                    mark.toFile().delete();
                }
            }
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("sleepy-probe models are not exported");
        }
    }

    /** An error of an unwell JVM. */
    static final class ExecutorDied extends Error {
        private static final long serialVersionUID = 1L;

        ExecutorDied(String message) {
            super(message);
        }
    }

    /**
     * The learner: {@code faults} is how many of its trial's first fits die with {@link ExecutorDied} (counted per
     * {@code tag}, in this JVM); later fits complete as {@link ContractLearner} does.
     */
    public static class Faulty implements Learner {
        static final String ID = "faulty-probe";
        private static final Map<String, Integer> FITS = new ConcurrentHashMap<>();

        static Config config(String tag, int faults) {
            return Config.of(ID, Map.of("tag", tag, "faults", faults));
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
            return SearchSpace.of();
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            int fit = FITS.merge((String) config.values().get("tag"), 1, Integer::sum);
            if (fit <= (Integer) config.values().get("faults")) {
                throw new ExecutorDied("simulated death of the executor, fit " + fit);
            }
            return new ContractLearner().fit(data, ContractLearner.config("complete", 0), context);
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("faulty-probe models are not exported");
        }
    }
}
