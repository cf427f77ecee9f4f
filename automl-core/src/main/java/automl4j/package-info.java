/**
 * Entry points: {@link automl4j.AutoMl} (the fluent API), the result of a fit ({@link automl4j.AutoMlRun}) and the fitted
 * pipeline ({@link automl4j.AutoMlModel}). Data flow, package by package: {@code data} (table and task),
 * {@code validation} (guardrails and splits), {@code featurize}, {@code space} and {@code search} (proposals),
 * {@code searchloop} and {@code execute} (trials on runners), {@code learn}, {@code leaderboard}, {@code ensemble},
 * {@code refit}, {@code pipeline}, {@code export}; {@code settings} configures a run, {@code engine} runs it and
 * {@code journal} records it. {@link automl4j.AutoMlException} is the base of the library's errors: a bad setting is a
 * {@link automl4j.ConfigException}, bad data a {@link automl4j.DataException}, a model file that cannot be loaded a
 * {@link automl4j.export.ModelFileException}.
 */
package automl4j;
