/**
 * Step 6 implementation: XGBoost4J gradient-boosted trees.
 */
package automl4j.learners.xgboost;
