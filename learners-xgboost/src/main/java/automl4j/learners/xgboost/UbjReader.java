package automl4j.learners.xgboost;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded reader of Universal Binary JSON as XGBoost writes it (big-endian numbers; counted and typed containers).
 * It turns bytes into plain Java values: {@code Map<String, Object>} (keys in file order), {@code List<Object>},
 * {@code Long} for every integer marker, {@code Double} for {@code d}/{@code D}, {@code String} (also for high-precision
 * numbers and chars), {@code Boolean}, {@link #NULL}, and {@link Typed} for strongly typed numeric arrays, which stay
 * primitive arrays so that memory grows with the payload, not with an object per element.
 *
 * <p>It trusts nothing: every count and length is checked against the bytes that remain before anything is allocated,
 * nesting depth and the number of boxed values are capped, keys must be unique, strings valid UTF-8, and the value must
 * end exactly at the last byte. Any malformation is an {@link IllegalArgumentException} naming the byte offset and
 * what was expected. Not thread-safe; one reader reads one payload.
 */
final class UbjReader {
    /** The UBJ null value ({@code Z}); a sentinel because maps and lists hold no Java null here. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting accepted; XGBoost's models nest 7 deep. */
    static final int MAX_DEPTH = 32;
    /** Most boxed values (object entries and untyped array elements) in one payload; typed arrays do not count. */
    static final int MAX_VALUES = 1 << 22;
    /** Longest key or string, in bytes. */
    static final int MAX_STRING = 1 << 20;

    /** A strongly typed array ({@code [$type#count}): {@code type} is the UBJ marker, {@code array} a primitive array. */
    record Typed(char type, Object array) {
        /** Number of elements. */
        int length() {
            return java.lang.reflect.Array.getLength(array);
        }
    }

    private final ByteBuffer in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int values;

    private UbjReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);   // big-endian, as UBJ and XGBoost write numbers
    }

    /**
     * Reads one UBJ value that spans all of {@code bytes}.
     *
     * @throws IllegalArgumentException naming the byte offset when the bytes are not one well-formed value within the
     *                                  limits
     */
    static Object read(byte[] bytes) {
        UbjReader r = new UbjReader(bytes);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("UBJ payload is empty; expected a value");
        }
        Object v = r.value(r.marker("a value"), 0);
        if (r.in.hasRemaining()) {
            throw r.error("the end of the payload after the top-level value, but " + r.in.remaining() + " bytes follow");
        }
        return v;
    }

    private IllegalArgumentException error(String expected) {
        return errorAt(in.position(), expected);
    }

    private static IllegalArgumentException errorAt(int offset, String expected) {
        return new IllegalArgumentException("UBJ at byte " + offset + ": expected " + expected);
    }

    private void need(long n, String what) {
        if (n > in.remaining()) {
            throw error(what + " (" + n + " bytes), but only " + in.remaining() + " bytes remain");
        }
    }

    private char marker(String expected) {
        if (!in.hasRemaining()) {
            throw error(expected + ", but the payload ends");
        }
        return (char) (in.get() & 0xff);
    }

    private void count(int n) {
        values += n;
        if (values > MAX_VALUES || values < 0) {
            throw error("at most " + MAX_VALUES + " object entries and untyped array elements in all");
        }
    }

    private Object value(char m, int depth) {
        int at = in.position() - 1;
        switch (m) {
            case 'Z':
                return NULL;
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'i': case 'U': case 'I': case 'l': case 'L':
                return integer(m);
            case 'd':
                need(4, "a float32");
                return (double) in.getFloat();
            case 'D':
                need(8, "a float64");
                return in.getDouble();
            case 'C':
                need(1, "a char");
                return string(1);
            case 'S': case 'H':
                return string(length("a string length"));
            case '[':
                return array(depth + 1, at);
            case '{':
                return object(depth + 1, at);
            default:
                throw errorAt(at, "a UBJ type marker (Z T F i U I l L d D C S H [ {), but was " + describe(m));
        }
    }

    /** {@code s} for a one-line message: control characters escaped, cut after 40 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 40 ? b + "…" : b.toString();
    }

    private static String describe(char m) {
        return m >= 0x21 && m < 0x7f ? "'" + m + "'" : String.format("byte 0x%02x", (int) m);
    }

    private long integer(char m) {
        switch (m) {
            case 'i':
                need(1, "an int8");
                return in.get();
            case 'U':
                need(1, "a uint8");
                return in.get() & 0xff;
            case 'I':
                need(2, "an int16");
                return in.getShort();
            case 'l':
                need(4, "an int32");
                return in.getInt();
            default:
                need(8, "an int64");
                return in.getLong();
        }
    }

    /** A length or count: an integer marker and value, non-negative and at most the remaining bytes. */
    private int length(String what) {
        int at = in.position();
        char m = marker(what);
        if ("iUIlL".indexOf(m) < 0) {
            throw errorAt(at, what + " as an integer marker (i U I l L), but was " + describe(m));
        }
        long n = integer(m);
        if (n < 0 || n > in.remaining()) {
            throw errorAt(at, what + " in [0, " + in.remaining() + "] (the bytes that remain), but was " + n);
        }
        return (int) n;
    }

    private String string(int n) {
        if (n > MAX_STRING) {
            throw error("a string of at most " + MAX_STRING + " bytes, but it has " + n);
        }
        int at = in.position();
        byte[] b = new byte[n];
        in.get(b);
        boolean ascii = true;
        for (byte c : b) {
            ascii &= c >= 0;
        }
        if (ascii) {   // every key XGBoost writes
            return new String(b, StandardCharsets.US_ASCII);
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw errorAt(at, "a UTF-8 string");
        }
    }

    private void checkDepth(int depth, int at) {
        if (depth > MAX_DEPTH) {
            throw errorAt(at, "containers nested at most " + MAX_DEPTH + " deep");
        }
    }

    private Object array(int depth, int at) {
        checkDepth(depth, at);
        char type = 0;
        int n = -1;
        if (peek('$')) {
            type = marker("an element type after '$'");
            if ("iUIlLdD".indexOf(type) < 0) {
                throw error("a numeric element type (i U I l L d D) after '$', but was " + describe(type));
            }
            if (!peek('#')) {
                throw error("'#' and a count after the element type");
            }
        }
        if (type != 0 || peek('#')) {
            n = length("an array count");
        }
        if (type != 0) {
            return typed(type, n);
        }
        if (n >= 0) {
            count(n);   // before allocating; and each element takes at least one byte, so n <= remaining too
        }
        List<Object> out = new ArrayList<>(n >= 0 ? n : 8);
        if (n >= 0) {
            for (int i = 0; i < n; i++) {
                out.add(value(marker("array element " + i), depth));
            }
            return out;
        }
        for (char m = marker("an array element or ']'"); m != ']'; m = marker("an array element or ']'")) {
            count(1);
            out.add(value(m, depth));
        }
        return out;
    }

    private Typed typed(char type, int n) {
        int size = type == 'i' || type == 'U' ? 1 : type == 'I' ? 2 : type == 'l' || type == 'd' ? 4 : 8;
        need((long) n * size, n + " elements of type '" + type + "'");
        switch (type) {
            case 'i': case 'U': {
                byte[] a = new byte[n];
                in.get(a);
                return new Typed(type, a);
            }
            case 'I': {
                short[] a = new short[n];
                in.asShortBuffer().get(a);
                in.position(in.position() + 2 * n);
                return new Typed(type, a);
            }
            case 'l': {
                int[] a = new int[n];
                in.asIntBuffer().get(a);
                in.position(in.position() + 4 * n);
                return new Typed(type, a);
            }
            case 'L': {
                long[] a = new long[n];
                in.asLongBuffer().get(a);
                in.position(in.position() + 8 * n);
                return new Typed(type, a);
            }
            case 'd': {
                float[] a = new float[n];
                in.asFloatBuffer().get(a);
                in.position(in.position() + 4 * n);
                return new Typed(type, a);
            }
            default: {
                double[] a = new double[n];
                in.asDoubleBuffer().get(a);
                in.position(in.position() + 8 * n);
                return new Typed(type, a);
            }
        }
    }

    private boolean peek(char m) {
        if (in.hasRemaining() && in.get(in.position()) == (byte) m) {
            in.get();
            return true;
        }
        return false;
    }

    private Map<String, Object> object(int depth, int at) {
        checkDepth(depth, at);
        if (peek('$')) {
            throw error("an untyped object (XGBoost writes no '$' in objects)");
        }
        int n = peek('#') ? length("an object count") : -1;
        if (n >= 0) {
            count(n);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; n < 0 || i < n; i++) {
            if (n < 0 && peek('}')) {
                return out;
            }
            int keyAt = in.position();
            String key = string(length("a key length"));
            if (n < 0) {
                count(1);
            }
            Object v = value(marker("the value of key '" + printable(key) + "'"), depth);
            if (out.putIfAbsent(key, v) != null) {
                throw errorAt(keyAt, "unique keys, but '" + printable(key) + "' appears twice");
            }
        }
        return out;
    }
}
