/**
 * Step 8: the exported pipeline file format.
 */
package automl4j.export;
