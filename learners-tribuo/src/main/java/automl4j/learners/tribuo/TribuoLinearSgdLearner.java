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
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.Set;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * A linear model trained by stochastic gradient descent with AdaGrad ({@code tribuo-linear-sgd}): logistic regression
 * for classification, least squares for regression. Inputs are already standardized by the featurizer.
 */
public final class TribuoLinearSgdLearner implements Learner {
    /** Passes over the training rows. */
    public static final IntParam EPOCHS = new IntParam("epochs", 2, 60, true);
    /** AdaGrad's initial learning rate. */
    public static final DoubleParam LEARNING_RATE = new DoubleParam("learning_rate", 1e-3, 1.0, true);
    /** Rows per gradient step. */
    public static final IntParam MINIBATCH_SIZE = new IntParam("minibatch_size", 1, 64, true);

    /** The learner. */
    public TribuoLinearSgdLearner() {
    }

    @Override
    public String id() {
        return "tribuo-linear-sgd";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(EPOCHS, LEARNING_RATE, MINIBATCH_SIZE);
    }

    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withRelativeCost(0.5).withAcceptsSparse(true);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(EPOCHS, 10).with(LEARNING_RATE, 0.1).with(MINIBATCH_SIZE, 1).build();
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        AdaGrad optimiser = new AdaGrad(config.get(LEARNING_RATE), 1e-6);
        int epochs = config.get(EPOCHS);
        int batch = config.get(MINIBATCH_SIZE);
        if (data.target().task() instanceof Classification) {
            var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), optimiser, epochs,
                    -1, batch, context.seed());
            return TribuoModel.of(id(), trainer.train(TribuoData.classification(data)), data.target(), 0, 1);
        }
        double[] m = TribuoData.moments(data);
        var trainer = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), optimiser, epochs, -1, batch,
                context.seed());
        return TribuoModel.of(id(), trainer.train(TribuoData.regression(data, m[0], m[1])), data.target(), m[0], m[1]);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return TribuoModel.load(artifact);
    }
}
