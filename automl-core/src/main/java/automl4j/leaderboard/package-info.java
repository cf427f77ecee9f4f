/**
 * The ranking of a run: a {@link automl4j.leaderboard.Trial} (config and seed), its result, and the
 * {@link automl4j.leaderboard.Leaderboard} that orders finished trials by score, ties broken by trial id.
 */
package automl4j.leaderboard;
