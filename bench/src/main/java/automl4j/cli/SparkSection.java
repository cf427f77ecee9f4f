package automl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The config file's {@code spark} section: the master whose cluster runs the trials as Spark tasks, and Spark
 * properties for the session the command starts. Absent ({@code null} in {@link RunConfig}): trials run on this machine.
 *
 * @param master {@code spark.master}: a master URL, or {@code submit} for the one {@code spark-submit} was given
 * @param conf   {@code spark.conf}: Spark properties, in key order
 */
record SparkSection(String master, Map<String, String> conf) {
    static final String MASTER = "spark.master";
    static final String CONF = "spark.conf";

    SparkSection {
        Objects.requireNonNull(master, "master");
        conf = java.util.Collections.unmodifiableMap(new TreeMap<>(conf));
    }

    /**
     * The section in {@code v}, or null without {@code spark.master}.
     *
     * @throws UsageException naming the key: {@code spark.conf} without a master, a blank master, a property that is not
     *                        {@code spark.*} or a value that is not a scalar
     */
    static SparkSection read(ConfigValues v) {
        JsonNode conf = v.node(CONF);
        if (!v.has(MASTER)) {
            if (conf != null && !conf.isNull()) {
                throw new UsageException("config key '" + CONF + "' needs '" + MASTER + "' (a master URL such as local[4] or "
                        + "spark://host:7077, or submit under spark-submit)");
            }
            return null;
        }
        String master = v.text(MASTER, null).trim();
        if (master.isEmpty()) {
            throw new UsageException("config key '" + MASTER + "' must be a master URL such as local[4] or spark://host:7077, "
                    + "or submit, but was empty");
        }
        Map<String, String> props = new TreeMap<>();
        if (conf != null && !conf.isNull()) {
            if (!conf.isObject()) {
                throw new UsageException("config key '" + CONF + "' must be a mapping of Spark properties such as "
                        + "{spark.executor.memory: 4g}, but was " + conf);
            }
            for (Map.Entry<String, JsonNode> e : conf.properties()) {
                if (!e.getKey().startsWith("spark.")) {
                    throw new UsageException("config key '" + CONF + "." + e.getKey() + "': Spark properties start with "
                            + "'spark.', such as spark.executor.memory");
                }
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new UsageException("config key '" + CONF + "." + e.getKey() + "' must be a text, number or "
                            + "boolean, but was " + e.getValue());
                }
                props.put(e.getKey(), e.getValue().asText());
            }
        }
        return new SparkSection(master, props);
    }

    /** Writes the section into the effective config's root. */
    void write(ObjectNode root) {
        ObjectNode spark = root.putObject("spark");
        spark.put("master", master);
        ObjectNode c = spark.putObject("conf");
        conf.forEach(c::put);
    }
}
