package automl4j.explain;

import automl4j.learn.FeatureMatrix;

/**
 * A fitted model that computes exact SHAP values of its own output over its features: a tree model by TreeSHAP, a
 * linear model from its weights. Implemented by {@link automl4j.learn.FittedModel}s that can; the others are
 * explained by sampling. Each implementation documents its output space ({@link ShapValues#space()}).
 */
public interface ExactShap {
    /**
     * SHAP values of {@code rows}.
     *
     * @param background rows that stand for the training data where the model kept no record of it (the feature means
     *                   of a linear model, the covers of trees saved without them); at least one row
     */
    ShapValues shap(FeatureMatrix rows, FeatureMatrix background);
}
