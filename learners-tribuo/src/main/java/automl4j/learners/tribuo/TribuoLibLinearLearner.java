package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Set;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/**
 * Linear models fitted by LIBLINEAR through Tribuo ({@code tribuo-liblinear}): logistic regression with an L2 or an
 * L1 penalty for classification (so class scores are probabilities), L2-regularized support vector regression for
 * regression (on the standardized target). LIBLINEAR works on the stored cells of sparse rows, so it is fast on wide
 * TF-IDF text; on dense tables it is a calibrated linear baseline beside {@code smile-logistic}. Pure Java
 * ({@code de.bwaldvogel:liblinear}); exported as Tribuo protobuf like the other Tribuo learners.
 */
public final class TribuoLibLinearLearner implements Learner {
    /** Inverse regularization strength (LIBLINEAR's {@code C}). */
    public static final DoubleParam COST = new DoubleParam("cost", 1e-3, 1e3, true);
    /** Classification only: the penalty of the logistic regression, {@code l2} (primal Newton) or {@code l1} (sparse weights). */
    public static final ChoiceParam PENALTY = new ChoiceParam("penalty", List.of("l2", "l1"));
    /** Regression only: the width of the insensitive tube of the support vector regression, in target standard deviations. */
    public static final DoubleParam EPSILON = new DoubleParam("epsilon", 1e-4, 1.0, true);
    /** LIBLINEAR's stopping tolerance (its default for these solvers). */
    static final double TOLERANCE = 0.01;
    /** At most this many solver iterations (LIBLINEAR's default). */
    static final int MAX_ITERATIONS = 1000;

    /** The learner. */
    public TribuoLibLinearLearner() {
    }

    @Override
    public String id() {
        return "tribuo-liblinear";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return task instanceof Classification ? SearchSpace.of(COST, PENALTY) : SearchSpace.of(COST, EPSILON);
    }

    /** LIBLINEAR's defaults: {@code C = 1}, L2-penalized logistic regression, or a tube of 0.1 for regression. */
    @Override
    public Config defaultConfig(Task task) {
        Config.Builder b = Config.builder(id()).with(COST, 1.0);
        return (task instanceof Classification ? b.with(PENALTY, "l2") : b.with(EPSILON, 0.1)).build();
    }

    /** Cheap (a few passes over the stored cells), and it reads sparse rows without densifying them. */
    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(0.3).withAcceptsSparse(true);
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        double cost = config.get(COST);
        if (data.target().task() instanceof Classification) {
            var type = new LinearClassificationType(config.get(PENALTY).equals("l1")
                    ? LinearClassificationType.LinearType.L1R_LR : LinearClassificationType.LinearType.L2R_LR);
            var trainer = new LibLinearClassificationTrainer(type, cost, MAX_ITERATIONS, TOLERANCE, context.seed());
            return TribuoModel.of(id(), trainer.train(TribuoData.classification(data)), data.target(), 0, 1);
        }
        double[] m = TribuoData.moments(data);
        var type = new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR);
        var trainer = new LibLinearRegressionTrainer(type, cost, MAX_ITERATIONS, TOLERANCE, config.get(EPSILON), context.seed());
        return TribuoModel.of(id(), trainer.train(TribuoData.regression(data, m[0], m[1])), data.target(), m[0], m[1]);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return TribuoModel.load(artifact);
    }
}
