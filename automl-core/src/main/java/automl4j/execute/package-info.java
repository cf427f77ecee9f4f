/**
 * Where trials run: the {@link automl4j.execute.TrialRunner} seam between the search loop and the machines that fit
 * models. A {@link automl4j.execute.TrialTask} (plain data) goes in, a {@link automl4j.execute.TrialOutcome} comes out;
 * the featurized splits wait in a {@link automl4j.execute.SplitStore} under the task's key, and plug-ins are rebuilt by
 * id through {@link automl4j.execute.PluginRegistry}. In-process, worker-process and routing runners implement the
 * seam here; a runner in another module needs only these public types.
 */
package automl4j.execute;
