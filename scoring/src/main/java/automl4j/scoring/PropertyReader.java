package automl4j.scoring;

import java.util.Map;

/**
 * Checked reads of a member's text properties (what the engine's learners write beside their payloads), each failure an
 * {@link IllegalArgumentException} naming the learner and the property.
 */
final class PropertyReader {
    private final String learner;
    private final Map<String, String> properties;

    PropertyReader(MemberPayload p) {
        this.learner = p.learner();
        this.properties = p.member().properties();
    }

    boolean has(String key) {
        return properties.containsKey(key);
    }

    /** A whole number in [{@code min}, {@code max}]; {@code fallback} when absent (files written before it existed). */
    int whole(String key, int min, int max, int fallback) {
        String v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (!(n >= min && n <= max)) {
            throw new IllegalArgumentException(learner + " property '" + key + "' must be a whole number in [" + min
                    + ", " + max + "], but was '" + shown(v) + "'");
        }
        return (int) n;
    }

    /** A finite number; {@code fallback} when absent. */
    double finite(String key, double fallback) {
        String v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(learner + " property '" + key + "' must be a finite number, but was '"
                    + shown(v) + "'");
        }
        return d;
    }

    /** {@code s} cut for a one-line message. */
    static String shown(String s) {
        String line = s.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
