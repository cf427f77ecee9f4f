package automl4j.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A registered version of a model.
 *
 * @param name     the model's name
 * @param version  its number: 1, 2, ... in order of registration, never reused even after a delete
 * @param runId    the run that produced it, or null
 * @param file     its copy in the registry's artifact folder (absolute)
 * @param checksum SHA-256 of that file, as hex
 * @param size     the file's size in bytes
 * @param metrics  its scores (the run's: {@code validation}, {@code test} and every metric known), by name
 * @param stage    where it stands
 * @param created  when it was registered
 */
public record ModelVersion(String name, int version, Long runId, Path file, String checksum, long size,
                           Map<String, Double> metrics, Stage stage, Instant created) {
    /** Copies the metrics. */
    public ModelVersion {
        metrics = Map.copyOf(metrics);
    }

    /**
     * The version's label.
     *
     * @return {@code name:version}, as messages name a version
     */
    public String label() {
        return name + ":" + version;
    }
}
