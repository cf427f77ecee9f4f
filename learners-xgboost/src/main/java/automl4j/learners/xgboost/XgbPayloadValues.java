package automl4j.learners.xgboost;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed access to the values {@link UbjReader} returns, each check naming the JSON path of the value and what was
 * expected: the vocabulary of {@link XgbPayloadValidator} and {@link XgbTreeValidator}. Every failure is an
 * {@link IllegalArgumentException}.
 */
final class XgbPayloadValues {
    /** A decimal number as XGBoost prints parameters, such as {@code 1}, {@code 5.5E-1} or {@code -1.9557773E-9}. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,19})(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?");
    private static final Pattern NATURAL = Pattern.compile("0|[1-9][0-9]{0,9}");

    private XgbPayloadValues() {
    }

    static IllegalArgumentException invalid(String path, String expected, Object actual) {
        return new IllegalArgumentException(path + " must be " + expected + ", but was " + show(actual));
    }

    private static String show(Object v) {
        if (v instanceof String) {
            return "'" + UbjReader.printable((String) v) + "'";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List || v instanceof UbjReader.Typed) {
            return "an array";
        }
        return String.valueOf(v);
    }

    /** The object at {@code path}, which must have exactly the keys {@code keys}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String path, String... keys) {
        if (!(v instanceof Map)) {
            throw invalid(path, "an object", v);
        }
        Map<String, Object> m = (Map<String, Object>) v;
        Set<String> want = new TreeSet<>(List.of(keys));
        for (String k : want) {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException(path + " lacks key '" + k + "'; expected keys " + want);
            }
        }
        for (String k : m.keySet()) {
            if (!want.contains(k)) {
                throw new IllegalArgumentException(path + " has unexpected key " + show(k) + "; expected keys " + want);
            }
        }
        return m;
    }

    /** The string at {@code path}. */
    static String string(Object v, String path) {
        if (!(v instanceof String)) {
            throw invalid(path, "a string", v);
        }
        return (String) v;
    }

    /** An integer written as a decimal string (XGBoost's parameters), in [{@code min}, {@code max}]. */
    static int naturalString(Object v, String path, int min, int max) {
        String s = string(v, path);
        long n = NATURAL.matcher(s).matches() ? Long.parseLong(s) : -1;
        if (!(n >= min && n <= max)) {
            throw invalid(path, "a whole number in [" + min + ", " + max + "] written as a string", s);
        }
        return (int) n;
    }

    /** A finite float32 written as a decimal string; returns the string itself so that it is re-emitted unchanged. */
    static String decimal(String s, String path) {
        if (!(DECIMAL.matcher(s).matches() && Float.isFinite(Float.parseFloat(s)))) {
            throw invalid(path, "a finite decimal number", s);
        }
        return s;
    }

    /** A JSON integer in [{@code min}, {@code max}]. */
    static long integer(Object v, String path, long min, long max) {
        if (!(v instanceof Long) || (Long) v < min || (Long) v > max) {
            throw invalid(path, "an integer in [" + min + ", " + max + "]", v);
        }
        return (Long) v;
    }

    /** An integer array (typed or untyped) as {@code long}s, each in [{@code min}, {@code max}]. */
    static long[] integers(Object v, String path, long min, long max) {
        long[] out;
        if (v instanceof UbjReader.Typed && "iUIlL".indexOf(((UbjReader.Typed) v).type()) >= 0) {
            UbjReader.Typed t = (UbjReader.Typed) v;
            out = new long[t.length()];
            Object a = t.array();
            for (int i = 0; i < out.length; i++) {
                out[i] = t.type() == 'U' ? ((byte[]) a)[i] & 0xff : t.type() == 'i' ? ((byte[]) a)[i]
                        : t.type() == 'I' ? ((short[]) a)[i] : t.type() == 'l' ? ((int[]) a)[i] : ((long[]) a)[i];
            }
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            out = new long[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = integer(l.get(i), path + "[" + i + "]", min, max);
            }
        } else {
            throw invalid(path, "an array of integers", v);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] < min || out[i] > max) {
                throw invalid(path + "[" + i + "]", "an integer in [" + min + ", " + max + "]", out[i]);
            }
        }
        return out;
    }

    /** A numeric array (typed or untyped) as finite float32s. */
    static float[] floats(Object v, String path) {
        float[] out;
        if (v instanceof UbjReader.Typed && ((UbjReader.Typed) v).type() == 'd') {
            out = ((float[]) ((UbjReader.Typed) v).array()).clone();
        } else if (v instanceof UbjReader.Typed && ((UbjReader.Typed) v).type() == 'D') {
            double[] d = (double[]) ((UbjReader.Typed) v).array();
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            out = new float[l.size()];
            for (int i = 0; i < out.length; i++) {
                Object e = l.get(i);
                if (!(e instanceof Number)) {
                    throw invalid(path + "[" + i + "]", "a number", e);
                }
                out[i] = ((Number) e).floatValue();
            }
        } else {
            throw invalid(path, "an array of numbers", v);
        }
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                throw invalid(path + "[" + i + "]", "a finite float32", out[i]);
            }
        }
        return out;
    }

    /** An array of any kind that must be empty. */
    static void empty(Object v, String path) {
        int n = v instanceof List ? ((List<?>) v).size() : v instanceof UbjReader.Typed ? ((UbjReader.Typed) v).length() : -1;
        if (n != 0) {
            throw invalid(path, "an empty array (AutoML4J writes no categorical splits, feature names or types)",
                    n < 0 ? v : "an array of " + n);
        }
    }

    /** An array with exactly {@code n} elements. */
    static void length(long[] a, int n, String path) {
        if (a.length != n) {
            throw new IllegalArgumentException(path + " must have " + n + " elements (num_nodes), but has " + a.length);
        }
    }

    /** A float array with exactly {@code n} elements. */
    static void length(float[] a, int n, String path) {
        if (a.length != n) {
            throw new IllegalArgumentException(path + " must have " + n + " elements (num_nodes), but has " + a.length);
        }
    }
}
