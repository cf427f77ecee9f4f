/**
 * Step 3: hyperparameter search spaces, the joint space over learners, and configs (points of it).
 */
package automl4j.space;
