package automl4j.scoring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded reader of Universal Binary JSON as XGBoost writes its models: big-endian numbers, counted and typed
 * containers. Values become {@code Map<String, Object>}, {@code List<Object>}, {@code Long} (every integer marker),
 * {@code Double} ({@code d}, {@code D}), {@code String}, {@code Boolean}, {@link #NULL}, and primitive arrays for
 * typed numeric arrays ({@code byte[]} for {@code i}/{@code U}, {@code short[]}, {@code int[]}, {@code long[]},
 * {@code float[]}, {@code double[]}), so that memory grows with the payload rather than with a box per number.
 *
 * <p>The payload comes from a file a user was handed, so every count and length is checked against the bytes that
 * remain before anything is allocated, nesting and the number of boxed values are capped, keys must be unique and the
 * value must end at the last byte. A malformed payload is an {@link IllegalArgumentException} naming the byte offset.
 * (learners-xgboost has its own reader, which this module cannot use: this module's tests depend on learners-xgboost,
 * so learners-xgboost cannot depend on this module.)
 */
final class Ubj {
    /** The UBJ null ({@code Z}): maps and lists hold no Java null. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final int MAX_DEPTH = 32;
    private static final int MAX_BOXED = 1 << 22;
    private static final int MAX_STRING = 1 << 20;

    private final ByteBuffer in;
    private int boxed;

    private Ubj(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /** The one value that spans all of {@code bytes}. */
    static Object read(byte[] bytes) {
        Ubj r = new Ubj(bytes);
        Object v = r.value(r.marker("a value"), 0);
        if (r.in.hasRemaining()) {
            throw r.error("the end of the payload, but " + r.in.remaining() + " bytes follow the value");
        }
        return v;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("UBJ at byte " + in.position() + ": expected " + expected);
    }

    private void need(long n, String what) {
        if (n > in.remaining()) {
            throw error(what + " (" + n + " bytes), but " + in.remaining() + " remain");
        }
    }

    private char marker(String expected) {
        need(1, expected);
        return (char) (in.get() & 0xff);
    }

    private boolean peek(char m) {
        if (in.hasRemaining() && in.get(in.position()) == (byte) m) {
            in.get();
            return true;
        }
        return false;
    }

    private void box(long n) {
        boxed += (int) Math.min(n, MAX_BOXED + 1L);
        if (boxed > MAX_BOXED || boxed < 0) {
            throw error("at most " + MAX_BOXED + " object entries and untyped array elements");
        }
    }

    private Object value(char m, int depth) {
        switch (m) {
            case 'Z': return NULL;
            case 'T': return Boolean.TRUE;
            case 'F': return Boolean.FALSE;
            case 'i': case 'U': case 'I': case 'l': case 'L': return integer(m);
            case 'd': need(4, "a float32"); return (double) in.getFloat();
            case 'D': need(8, "a float64"); return in.getDouble();
            case 'C': return string(1);
            case 'S': case 'H': return string(length("a string length"));
            case '[': return array(depth + 1);
            case '{': return object(depth + 1);
            default: throw error("a UBJ type marker, but was byte 0x" + Integer.toHexString(m));
        }
    }

    private long integer(char m) {
        switch (m) {
            case 'i': need(1, "an int8"); return in.get();
            case 'U': need(1, "a uint8"); return in.get() & 0xff;
            case 'I': need(2, "an int16"); return in.getShort();
            case 'l': need(4, "an int32"); return in.getInt();
            default: need(8, "an int64"); return in.getLong();
        }
    }

    /** A length or count: non-negative and at most the bytes that remain (each element takes at least one). */
    private int length(String what) {
        char m = marker(what);
        if ("iUIlL".indexOf(m) < 0) {
            throw error(what + " as an integer marker");
        }
        long n = integer(m);
        if (n < 0 || n > in.remaining()) {
            throw error(what + " in [0, " + in.remaining() + "], but was " + n);
        }
        return (int) n;
    }

    private String string(int n) {
        if (n > MAX_STRING) {
            throw error("a string of at most " + MAX_STRING + " bytes, but it has " + n);
        }
        need(n, "a string");
        ByteBuffer slice = in.slice().limit(n);
        in.position(in.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw error("a UTF-8 string");
        }
    }

    private Object array(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("containers nested at most " + MAX_DEPTH + " deep");
        }
        if (peek('$')) {
            char type = marker("an element type");
            if ("iUIlLdD".indexOf(type) < 0 || !peek('#')) {
                throw error("a numeric element type (i U I l L d D) and a count after '$'");
            }
            return typed(type, length("an array count"));
        }
        int n = peek('#') ? length("an array count") : -1;
        List<Object> out = new ArrayList<>(Math.max(n, 0));
        if (n >= 0) {
            box(n);
            for (int i = 0; i < n; i++) {
                out.add(value(marker("an array element"), depth));
            }
            return out;
        }
        for (char m = marker("an array element or ']'"); m != ']'; m = marker("an array element or ']'")) {
            box(1);
            out.add(value(m, depth));
        }
        return out;
    }

    private Object typed(char type, int n) {
        int size = type == 'i' || type == 'U' ? 1 : type == 'I' ? 2 : type == 'l' || type == 'd' ? 4 : 8;
        need((long) n * size, n + " elements of type '" + type + "'");
        ByteBuffer b = in.slice();
        in.position(in.position() + n * size);
        switch (type) {
            case 'i': case 'U': { byte[] a = new byte[n]; b.get(a); return a; }
            case 'I': { short[] a = new short[n]; b.asShortBuffer().get(a); return a; }
            case 'l': { int[] a = new int[n]; b.asIntBuffer().get(a); return a; }
            case 'L': { long[] a = new long[n]; b.asLongBuffer().get(a); return a; }
            case 'd': { float[] a = new float[n]; b.asFloatBuffer().get(a); return a; }
            default: { double[] a = new double[n]; b.asDoubleBuffer().get(a); return a; }
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("containers nested at most " + MAX_DEPTH + " deep");
        }
        int n = peek('#') ? length("an object count") : -1;
        if (n >= 0) {
            box(n);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; n < 0 || i < n; i++) {
            if (n < 0 && peek('}')) {
                return out;
            }
            String key = string(length("a key length"));
            if (n < 0) {
                box(1);
            }
            if (!in.hasRemaining()) {
                throw error("the value of key '" + PropertyReader.shown(key) + "', but the payload ends");
            }
            if (out.putIfAbsent(key, value((char) (in.get() & 0xff), depth)) != null) {
                throw error("unique keys, but '" + PropertyReader.shown(key) + "' appears twice");
            }
        }
        return out;
    }
}
