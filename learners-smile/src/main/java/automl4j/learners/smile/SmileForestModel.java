package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapTree;
import automl4j.explain.ShapValues;
import automl4j.explain.TreeShap;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.VoteSmoothing;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Smile random forest converted into a {@link TreeEnsemble}; exported as the ensemble's JSON. Its SHAP values are
 * exact (TreeSHAP) in its own output space: class probabilities, smoothed as its predictions are, or the predicted
 * value.
 */
final class SmileForestModel implements FittedModel, ExactShap {
    static final String FORMAT = "automl4j-tree-ensemble-json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMOOTHING = "uniform_vote_smoothing";
    private final TreeEnsemble ensemble;
    private final boolean smoothed;
    private final Target target;

    SmileForestModel(TreeEnsemble ensemble, Target target) {
        this(ensemble, target, true);
    }

    /**
     * A model of {@code ensemble}; {@code smoothed} adds a uniform vote to class probabilities ({@link VoteSmoothing}),
     * which models exported before it was introduced do not do.
     */
    SmileForestModel(TreeEnsemble ensemble, Target target, boolean smoothed) {
        this.smoothed = smoothed;
        this.ensemble = ensemble;
        this.target = target;
    }

    @Override
    public Predictions predict(FeatureMatrix features) {
        double[][] out = ensemble.predict(features);
        if (target.task() instanceof Classification) {
            if (smoothed) {
                for (double[] row : out) {
                    VoteSmoothing.withUniformVote(row, ensemble.size());
                }
            }
            return Predictions.ofProbabilities(target.task(), target.classes(), out);
        }
        double[] v = new double[out.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = out[i][0];
        }
        return Predictions.ofValues(v);
    }

    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        List<ShapTree> trees = ensemble.shapTrees(background);
        int features = rows.columns();
        int outputs = ensemble.outputs();
        double[] base = TreeShap.baseValue(trees);
        double[][][] values = new double[rows.rows()][][];
        for (int r = 0; r < rows.rows(); r++) {
            float[] row = rows.row(r);
            double[] x = new double[row.length];
            for (int f = 0; f < row.length; f++) {
                x[f] = row[f];
            }
            values[r] = TreeShap.values(trees, x, features);
        }
        boolean classification = target.task() instanceof Classification;
        List<String> names = classification ? target.classes() : List.of("value");
        // The forest averages its trees; smoothing then mixes in one uniform vote: p' = (p T + 1/K) / (T + 1).
        int t = ensemble.size();
        double scale = 1.0 / t;
        double[] shift = new double[outputs];
        if (classification && smoothed) {
            scale = 1.0 / (t + 1);
            java.util.Arrays.fill(shift, 1.0 / outputs / (t + 1));
        }
        return new ShapValues(rows.names(), names, classification ? "probability" : "value", base, values).affine(scale, shift);
    }

    @Override
    public ModelArtifact export() {
        Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
        props.put("smile_version", "3.1.1");
        props.put("trees", Integer.toString(ensemble.size()));
        props.put(SMOOTHING, Boolean.toString(smoothed));
        try {
            return new ModelArtifact("smile-random-forest", FORMAT, props, ensemble.toJson(JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SmileForestModel load(ModelArtifact artifact) {
        if (!artifact.format().equals(FORMAT)) {
            throw new IllegalArgumentException("smile-random-forest cannot read payload format '" + artifact.format() + "'");
        }
        try {
            Target target = ArtifactTargets.read(artifact);
            TreeEnsemble ensemble = TreeEnsemble.fromJson(JSON, artifact.payload());
            int outputs = target.task() instanceof Classification ? target.numClasses() : 1;
            if (ensemble.outputs() != outputs) {
                throw new IllegalArgumentException("smile-random-forest payload has " + ensemble.outputs() + " outputs, but its "
                        + target.task().label() + " target needs " + outputs);
            }
            return new SmileForestModel(ensemble, target, Boolean.parseBoolean(artifact.properties().getOrDefault(SMOOTHING, "false")));
        } catch (IOException e) {
            throw new UncheckedIOException("smile-random-forest payload is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
