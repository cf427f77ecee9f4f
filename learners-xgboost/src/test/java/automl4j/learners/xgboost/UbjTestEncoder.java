package automl4j.learners.xgboost;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Encodes the values {@link UbjReader} returns back into UBJ, so that tests can mutate a parsed model and write it. */
final class UbjTestEncoder {
    private UbjTestEncoder() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(new DataOutputStream(bytes), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == UbjReader.NULL) {
            out.writeByte('Z');
        } else if (v instanceof Boolean) {
            out.writeByte((Boolean) v ? 'T' : 'F');
        } else if (v instanceof Long) {
            out.writeByte('L');
            out.writeLong((Long) v);
        } else if (v instanceof Double) {
            out.writeByte('D');
            out.writeDouble((Double) v);
        } else if (v instanceof String) {
            out.writeByte('S');
            writeString(out, (String) v);
        } else if (v instanceof Map) {
            out.writeByte('{');
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                writeString(out, (String) e.getKey());
                write(out, e.getValue());
            }
            out.writeByte('}');
        } else if (v instanceof List) {
            out.writeByte('[');
            for (Object e : (List<?>) v) {
                write(out, e);
            }
            out.writeByte(']');
        } else {
            UbjReader.Typed t = (UbjReader.Typed) v;
            out.writeByte('[');
            out.writeByte('$');
            out.writeByte(t.type());
            out.writeByte('#');
            out.writeByte('L');
            out.writeLong(t.length());
            for (int i = 0; i < t.length(); i++) {
                switch (t.type()) {
                    case 'i': case 'U': out.writeByte(((byte[]) t.array())[i]); break;
                    case 'I': out.writeShort(((short[]) t.array())[i]); break;
                    case 'l': out.writeInt(((int[]) t.array())[i]); break;
                    case 'L': out.writeLong(((long[]) t.array())[i]); break;
                    case 'd': out.writeFloat(((float[]) t.array())[i]); break;
                    default: out.writeDouble(((double[]) t.array())[i]);
                }
            }
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte('L');
        out.writeLong(b.length);
        out.write(b);
    }
}
