/**
 * Entry points: {@link automl4j.AutoMl} (the fluent API), the result of a fit ({@link automl4j.AutoMlRun}) and the fitted pipeline ({@link automl4j.AutoMlModel}). Data flow: dataset, featurization, search space, searcher, executor, learner, leaderboard, exported pipeline.
 */
package automl4j;
