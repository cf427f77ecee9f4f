/**
 * The automl command-line tool: run, demo, predict and bench.
 */
package automl4j.cli;
