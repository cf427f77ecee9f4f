package automl4j.registry;

/**
 * A run the registry recorded.
 *
 * @param id     its number, given in order and never reused
 * @param record what was recorded
 */
public record Run(long id, RunRecord record) {
}
