/**
 * Helpers shared by AutoML4J's own modules; not API.
 */
package automl4j.internal;
