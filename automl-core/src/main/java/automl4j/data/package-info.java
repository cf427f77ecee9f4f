/**
 * Step 1 of the data flow: the table and its target ({@link automl4j.data.TaskData}, {@link automl4j.data.Target}), and uniform cell access.
 */
package automl4j.data;
