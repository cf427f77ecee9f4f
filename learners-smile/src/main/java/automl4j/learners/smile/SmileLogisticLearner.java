package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * L2-regularized logistic regression ({@code smile-logistic}), binomial or multinomial, fitted by Smile's L-BFGS on
 * sparse rows: the learner for wide TF-IDF text, and a well-calibrated linear baseline on any table (features are
 * already scaled by the featurizer). The fitted weights are exported as our own JSON ({@link LinearModel}), not
 * Smile's Java serialization.
 */
public final class SmileLogisticLearner implements Learner {
    static final double TOLERANCE = 1e-5;
    static final int MAX_ITERATIONS = 300;
    /** Weight of the L2 penalty. */
    public static final DoubleParam LAMBDA = new DoubleParam("lambda", 1e-4, 100.0, true);

    /** The learner. */
    public SmileLogisticLearner() {
    }

    @Override
    public String id() {
        return "smile-logistic";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(LAMBDA);
    }

    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(0.3).withAcceptsSparse(true);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(LAMBDA, 0.1).build();
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        FeatureMatrix x = data.features();
        SparseDataset d = SparseDataset.of(rows(x), x.columns());
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) data.labels().get(i);
        }
        double lambda = config.get(LAMBDA);
        double[][] weights;
        if (data.target().task() instanceof Classification c && c.isBinary()) {
            weights = new double[][] {SparseLogisticRegression.binomial(d, y, lambda, TOLERANCE, MAX_ITERATIONS).coefficients()};
        } else {
            int k = data.target().numClasses();
            int[] seen = new int[k];
            for (int v : y) {
                seen[v]++;
            }
            // Smile numbers classes from the labels it sees; a class absent from these rows gets no weights of its own.
            for (int c = 0; c < k; c++) {
                if (seen[c] == 0) {
                    throw new IllegalArgumentException("smile-logistic needs every class in the training rows, but class '"
                            + data.target().classes().get(c) + "' has none");
                }
            }
            weights = SparseLogisticRegression.multinomial(d, y, lambda, TOLERANCE, MAX_ITERATIONS).coefficients();
        }
        return new LinearModel(id(), data.target(), weights);
    }

    static List<SparseArray> rows(FeatureMatrix x) {
        List<SparseArray> out = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            float[] row = x.row(i);
            SparseArray s = new SparseArray();
            for (int c = 0; c < row.length; c++) {
                if (row[c] != 0f) {
                    s.append(c, row[c]);
                }
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return LinearModel.load(artifact);
    }
}
