/**
 * Step 6 implementation: XGBoost4J gradient-boosted trees. Model payloads are checked in Java and re-encoded
 * ({@code XgbPayloadValidator}) before XGBoost's native loader sees them.
 */
package automl4j.learners.xgboost;
