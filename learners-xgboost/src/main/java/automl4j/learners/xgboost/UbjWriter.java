package automl4j.learners.xgboost;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes Universal Binary JSON in the shapes XGBoost 3.4.0 writes and reads: objects closed by {@code '}'} with keys
 * as an {@code L} length and bytes, counted untyped arrays ({@code [#L n}), counted typed arrays ({@code [$t#L n}),
 * strings as {@code S}, integers as {@code L}. The caller writes well-formed sequences (it is only fed validated
 * values), so it checks nothing. Not thread-safe.
 */
final class UbjWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** The bytes written so far. */
    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private UbjWriter raw(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream never throws
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Opens an object. */
    UbjWriter beginObject() {
        return raw(() -> out.writeByte('{'));
    }

    /** Closes an object. */
    UbjWriter endObject() {
        return raw(() -> out.writeByte('}'));
    }

    /** Writes a key of the open object. */
    UbjWriter key(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return raw(() -> {
            out.writeByte('L');
            out.writeLong(b.length);
            out.write(b);
        });
    }

    /** Writes a string value. */
    UbjWriter string(String value) {
        return raw(() -> out.writeByte('S')).key(value);
    }

    /** Writes an integer value. */
    UbjWriter integer(long value) {
        return raw(() -> {
            out.writeByte('L');
            out.writeLong(value);
        });
    }

    /** Opens an untyped array of {@code n} values, which the caller writes next. */
    UbjWriter beginArray(int n) {
        return raw(() -> {
            out.writeByte('[');
            out.writeByte('#');
            out.writeByte('L');
            out.writeLong(n);
        });
    }

    private UbjWriter typedHeader(char type, int n) {
        return raw(() -> {
            out.writeByte('[');
            out.writeByte('$');
            out.writeByte(type);
            out.writeByte('#');
            out.writeByte('L');
            out.writeLong(n);
        });
    }

    /** Writes a typed int32 array ({@code $l}). */
    UbjWriter int32s(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        b.asIntBuffer().put(values);
        return typedHeader('l', values.length).raw(() -> out.write(b.array()));
    }

    /** Writes a typed int64 array ({@code $L}). */
    UbjWriter int64s(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        b.asLongBuffer().put(values);
        return typedHeader('L', values.length).raw(() -> out.write(b.array()));
    }

    /** Writes a typed uint8 array ({@code $U}). */
    UbjWriter uint8s(byte[] values) {
        return typedHeader('U', values.length).raw(() -> out.write(values));
    }

    /** Writes a typed float32 array ({@code $d}). */
    UbjWriter float32s(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);   // big-endian, like DataOutputStream
        b.asFloatBuffer().put(values);
        return typedHeader('d', values.length).raw(() -> out.write(b.array()));
    }
}
