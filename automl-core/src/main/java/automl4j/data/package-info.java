/**
 * Step 1 of the data flow: the table and its target ({@link automl4j.data.TaskData}, {@link automl4j.data.Target}), the task with what differs by task
 * ({@link automl4j.data.Task}: target encoding, validation splits, default metrics, prediction width), and uniform cell access.
 */
package automl4j.data;
