package automl4j.cli;

import automl4j.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of a config file by their flattened keys ({@code search.seed}), read with strict types: 2.5 is not an
 * integer, "true" is not a boolean. Each getter returns its fallback when the key is absent or null, and otherwise
 * names the key in the {@link UsageException} it throws.
 */
final class ConfigValues {
    private final Map<String, JsonNode> flat;

    ConfigValues(Map<String, JsonNode> flat) {
        this.flat = flat;
    }

    /** Whether {@code key} has a value other than null. */
    boolean has(String key) {
        JsonNode n = flat.get(key);
        return n != null && !n.isNull();
    }

    /** The raw value of {@code key}, or null. */
    JsonNode node(String key) {
        return flat.get(key);
    }

    String text(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = flat.get(key);
        if (!n.isTextual()) {
            throw new UsageException("config key '" + key + "' must be text, but was " + n);
        }
        return n.asText();
    }

    /** The text of {@code key}, which must be given; the message says what the key is ({@code meaning}). */
    String requiredText(String key, String meaning) {
        if (!has(key)) {
            throw new UsageException("config key '" + key + "' is required: " + meaning);
        }
        return text(key, null);
    }

    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = flat.get(key);
        if (!n.isNumber()) {
            throw new UsageException("config key '" + key + "' must be a number, but was " + n);
        }
        return n.asDouble();
    }

    /** A number of seconds as a duration to the nanosecond, or null when absent. */
    Duration seconds(String key) {
        return has(key) ? Duration.ofNanos(Math.round(number(key, 0) * 1e9)) : null;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = flat.get(key);
        if (!n.isBoolean()) {
            throw new UsageException("config key '" + key + "' must be true or false, but was " + n);
        }
        return n.asBoolean();
    }

    int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = integral(key);
        if (!n.canConvertToInt()) {
            throw new UsageException("config key '" + key + "' must be an integer from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", but was " + n);
        }
        return n.asInt();
    }

    long longInteger(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = integral(key);
        if (!n.canConvertToLong()) {
            throw new UsageException("config key '" + key + "' must be an integer from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", but was " + n);
        }
        return n.asLong();
    }

    private JsonNode integral(String key) {
        JsonNode n = flat.get(key);
        if (!n.isIntegralNumber()) {
            throw new UsageException("config key '" + key + "' must be an integer, but was " + n);
        }
        return n;
    }

    /** A list of texts ({@code what} names them in messages); empty when absent. */
    List<String> texts(String key, String what) {
        List<String> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode l = flat.get(key);
        if (!l.isArray()) {
            throw new UsageException("config key '" + key + "' must be a list of " + what + ", but was " + l);
        }
        for (JsonNode n : l) {
            if (!n.isTextual()) {
                throw new UsageException("config key '" + key + "' must hold " + what + " as text, but had " + n);
            }
            out.add(n.asText());
        }
        return out;
    }

    /** The value among {@code values} whose label is the text of {@code key}. */
    <E> E choice(String key, E[] values, Function<E, String> label, E fallback) {
        String t = text(key, null);
        if (t == null) {
            return fallback;
        }
        for (E v : values) {
            if (label.apply(v).equals(t)) {
                return v;
            }
        }
        throw new UsageException("config key '" + key + "' must be one of " + Arrays.stream(values).map(label).toList()
                + ", but was '" + t + "'");
    }

    /**
     * Runs {@code set} (a builder method given the value of {@code key}), turning the builder's
     * {@link ConfigException} (or a plug-in's {@link IllegalArgumentException}) into a {@link UsageException} that
     * names the config key.
     */
    static void apply(String key, Runnable set) {
        get(key, () -> {
            set.run();
            return key;
        });
    }

    /** {@code make}'s result, with its {@link ConfigException} turned as {@link #apply} does. */
    static <T> T get(String key, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (ConfigException | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new UsageException(m.startsWith(key + " ") ? "config key '" + key + "'" + m.substring(key.length())
                    : "config key '" + key + "': " + m);
        }
    }
}
