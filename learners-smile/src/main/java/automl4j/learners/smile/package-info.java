/**
 * Step 6 implementation: Smile's random forest (GPL-3.0; this package can be left out).
 */
package automl4j.learners.smile;
