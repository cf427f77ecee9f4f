/**
 * Step 5: trials, the executor that runs them in parallel slots, the search loop, and the leaderboard.
 */
package automl4j.run;
