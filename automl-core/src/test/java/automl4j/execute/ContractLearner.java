package automl4j.execute;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learner of {@link TrialRunnerContract}: its config says what a fit does ({@code action} {@code complete},
 * {@code throw} or {@code sleep} for {@code millis}, ignoring interrupts like a fit in native code), and a completed
 * fit reports when it ran, in wall-clock milliseconds ({@code started_ms}, {@code ended_ms} in its refit settings), so
 * that a test can tell how many trials ran at once even in other processes. Public with a no-arg constructor and listed
 * through {@link ContractPack}, so that worker processes rebuild it by id.
 */
public final class ContractLearner implements Learner {
    /** This learner's id. */
    public static final String ID = "contract-probe";

    /** A config of this learner that does {@code action} ({@code complete}, {@code throw}, {@code sleep}). */
    public static Config config(String action, int millis) {
        return Config.of(ID, Map.of("action", action, "millis", millis));
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
        return SearchSpace.of(new ChoiceParam("action", List.of("complete", "throw", "sleep")),
                new IntParam("millis", 0, 60_000, false));
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        double started = System.currentTimeMillis();
        String action = (String) config.values().get("action");
        int millis = (Integer) config.values().get("millis");
        if (action.equals("throw")) {
            throw new IllegalStateException("contract-probe was told to throw");
        }
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - until < 0) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                // like native code: an interrupt does not stop the fit
            }
        }
        double ended = System.currentTimeMillis();
        List<String> classes = data.target().classes();
        return new FittedModel() {
            @Override
            public Predictions predict(FeatureMatrix features) {
                double[][] p = new double[features.rows()][];
                java.util.Arrays.setAll(p, i -> new double[] {0.25, 0.75});
                return Predictions.ofProbabilities(new Classification(classes), classes, p);
            }

            @Override
            public Map<String, Object> refitSettings() {
                return Map.of("started_ms", started, "ended_ms", ended);
            }

            @Override
            public ModelArtifact export() {
                return new ModelArtifact(ID, "none", Map.of(), new byte[0]);
            }
        };
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        throw new UnsupportedOperationException("contract-probe models are not exported");
    }
}
