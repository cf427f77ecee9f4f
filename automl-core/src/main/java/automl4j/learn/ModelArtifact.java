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

    /**
     * An integer property that must be present and lie in [{@code min}, {@code max}].
     *
     * @throws IllegalArgumentException naming the property and what it holds otherwise
     */
    public int intProperty(String key, int min, int max) {
        String v = property(key);
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("model artifact of '" + learnerId + "' property '" + key + "' must be an integer in ["
                + min + ", " + max + "], but was '" + shorten(v) + "'");
    }

    /** Like {@link #intProperty(String, int, int)}, with {@code fallback} when the property is absent. */
    public int intProperty(String key, int min, int max, int fallback) {
        return properties.containsKey(key) ? intProperty(key, min, max) : fallback;
    }

    /**
     * A finite number property, {@code fallback} when absent.
     *
     * @throws IllegalArgumentException naming the property and what it holds if it is not a finite number
     */
    public double finiteProperty(String key, double fallback) {
        String v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("model artifact of '" + learnerId + "' property '" + key + "' must be a finite number, "
                + "but was '" + shorten(v) + "'");
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }
}
