/**
 * Step 6 implementation: LightGBM gradient-boosted trees on Microsoft's JNI binding {@code lightgbmlib} (MIT). Model
 * texts are checked and rewritten in Java ({@code LgbmModelText}) before LightGBM's native parser sees them.
 */
package automl4j.learners.lightgbm;
