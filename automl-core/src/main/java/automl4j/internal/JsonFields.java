package automl4j.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading required fields of JSON objects written by this library (journal lines, worker messages), with an
 * {@link IllegalArgumentException} that names the field and what was expected.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field {@code name}; it must be present and not null. */
    public static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return v;
    }

    /** The text field {@code name}. */
    public static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return v.asText();
    }

    /** The integer field {@code name}. */
    public static int integer(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer");
        }
        return v.asInt();
    }

    /** The number field {@code name}; non-finite numbers are the strings NaN, Infinity and -Infinity. */
    public static double number(JsonNode n, String name) {
        return asDouble(field(n, name), name);
    }

    // Non-finite doubles are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
    /** {@code v} as a number, as {@link #number} reads it. */
    public static double asDouble(JsonNode v, String name) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("field '" + name + "' must be a number");
    }
}
