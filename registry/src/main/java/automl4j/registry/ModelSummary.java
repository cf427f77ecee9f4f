package automl4j.registry;

import java.time.Instant;

/**
 * A model as {@link ModelRegistry#models()} lists it.
 *
 * @param name              its name
 * @param created           when its first version was registered
 * @param versions          how many versions it holds now
 * @param latestVersion     the highest version number ever given (0 if none), which the next one follows
 * @param productionVersion its production version, or null
 * @param lastChange        when a version was last registered, staged or deleted
 */
public record ModelSummary(String name, Instant created, int versions, int latestVersion, Integer productionVersion,
                           Instant lastChange) {
}
