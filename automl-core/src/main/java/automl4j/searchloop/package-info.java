/**
 * The search loop: proposes configs from the searcher, hands them to a {@code TrialRunner}, collects their outcomes
 * within the budget, and tells {@link automl4j.searchloop.RunListener}s (the log, the journal) what happened; a resumed
 * run starts from its {@link automl4j.searchloop.PriorTrials}.
 */
package automl4j.searchloop;
