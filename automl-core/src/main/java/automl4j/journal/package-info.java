/**
 * The run journal: an append-only file of JSON lines, one per event (run settings and data fingerprint, trial
 * proposed, started, finished), from which an interrupted run is resumed without running its finished trials again.
 */
package automl4j.journal;
