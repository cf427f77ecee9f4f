package automl4j.scoring;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes the values {@link Ubj#read} gives back as UBJ, so that a test can change one field of a real payload. */
final class UbjTestWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private UbjTestWriter() {
    }

    static byte[] write(Object value) {
        UbjTestWriter w = new UbjTestWriter();
        try {
            w.value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.bytes.toByteArray();
    }

    private void string(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte('L');
        out.writeLong(b.length);
        out.write(b);
    }

    private void typed(char type, int n) throws IOException {
        out.writeByte('[');
        out.writeByte('$');
        out.writeByte(type);
        out.writeByte('#');
        out.writeByte('L');
        out.writeLong(n);
    }

    private void value(Object v) throws IOException {
        if (v == Ubj.NULL) {
            out.writeByte('Z');
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (v instanceof Long l) {
            out.writeByte('L');
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte('S');
            string(s);
        } else if (v instanceof byte[] a) {
            typed('U', a.length);
            out.write(a);
        } else if (v instanceof short[] a) {
            typed('I', a.length);
            for (short x : a) {
                out.writeShort(x);
            }
        } else if (v instanceof int[] a) {
            typed('l', a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof long[] a) {
            typed('L', a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (v instanceof float[] a) {
            typed('d', a.length);
            for (float x : a) {
                out.writeFloat(x);
            }
        } else if (v instanceof double[] a) {
            typed('D', a.length);
            for (double x : a) {
                out.writeDouble(x);
            }
        } else if (v instanceof List<?> l) {
            out.writeByte('[');
            for (Object e : l) {
                value(e);
            }
            out.writeByte(']');
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                byte[] k = ((String) e.getKey()).getBytes(StandardCharsets.UTF_8);
                out.writeByte('L');
                out.writeLong(k.length);
                out.write(k);
                value(e.getValue());
            }
            out.writeByte('}');
        } else {
            throw new IllegalArgumentException("cannot write " + v);
        }
    }
}
