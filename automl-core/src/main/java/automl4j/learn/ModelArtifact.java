package automl4j.learn;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fitted model in a form that can be written to a file: the learner that made it, the format of the payload,
 * text properties (library versions, class counts), and the payload bytes. Never Java serialization.
 */
public final class ModelArtifact {
    private final String learnerId;
    private final String format;
    private final Map<String, String> properties;
    private final byte[] payload;

    /**
     * An artifact over copies of the given properties and payload.
     *
     * @param learnerId  id of the learner that can load it
     * @param format     payload format, such as {@code xgboost-ubj} or {@code tribuo-protobuf}
     * @param properties text properties needed to load the payload, plus provenance
     * @param payload    the model bytes
     */
    public ModelArtifact(String learnerId, String format, Map<String, String> properties, byte[] payload) {
        this.learnerId = Objects.requireNonNull(learnerId, "learnerId");
        this.format = Objects.requireNonNull(format, "format");
        this.properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        this.payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** Id of the learner that wrote the artifact. */
    public String learnerId() {
        return learnerId;
    }

    /** Payload format. */
    public String format() {
        return format;
    }

    /** Text properties, sorted by key. */
    public Map<String, String> properties() {
        return properties;
    }

    /** A property that must be present. */
    public String property(String key) {
        String v = properties.get(key);
        if (v == null) {
            throw new IllegalArgumentException("model artifact of '" + learnerId + "' lacks property '" + key + "'");
        }
        return v;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }
}
