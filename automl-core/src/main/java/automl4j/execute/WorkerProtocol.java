package automl4j.execute;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between the engine and a worker process, over a loopback socket (not standard output, where native
 * libraries may print). The engine sends {@link #SPLITS} (a key and the file holding a featurization's splits, read
 * once per worker), {@link #EVALUATE} (a trial) and {@link #EXIT}; the worker answers each evaluation with
 * {@link #RESULT}: the outcome as JSON, the validation loss and, if asked, the validation predictions.
 */
final class WorkerProtocol {
    static final byte SPLITS = 'S';
    static final byte EVALUATE = 'E';
    static final byte EXIT = 'X';
    static final byte RESULT = 'R';
    /** Exit code of a worker JVM that ran out of heap ({@code -XX:+ExitOnOutOfMemoryError}). */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private WorkerProtocol() {
    }

    /** Text of any length (writeUTF stops at 64 KiB). */
    static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double d : a) {
            out.writeDouble(d);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    /** Writes a trial's row rungs: their rows, then their thresholds. */
    static void writeRowRungs(DataOutputStream out, RowRungs rungs) throws IOException {
        out.writeInt(rungs.count());
        for (int r : rungs.rows()) {
            out.writeInt(r);
        }
        writeDoubles(out, rungs.thresholds());
    }

    /** Reads what {@link #writeRowRungs} wrote. */
    static RowRungs readRowRungs(DataInputStream in) throws IOException {
        int n = in.readInt();
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(in.readInt());
        }
        double[] thresholds = readDoubles(in);
        return n == 0 ? RowRungs.NONE : new RowRungs(rows, thresholds);
    }
}
