package automl4j.execute;

import automl4j.data.Target;
import automl4j.data.Tasks;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Featurized validation splits in a compact binary form, written once per featurization choice for the worker
 * processes to read (or, by a runner outside the core, broadcast once to a cluster): the matrices' floats (dense, or
 * sparse rows), the labels and the target. Values read back exactly. Stateless and thread-safe.
 */
public final class SplitCodec {
    private static final int MAGIC = 0x41_4d_4c_53;   // "AMLS"

    private SplitCodec() {
    }

    /**
     * Writes {@code splits} to {@code out} and flushes it.
     *
     * @throws IOException what {@code out} threw
     */
    public static void write(DataOutputStream out, List<PreparedSplit> splits) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(splits.size());
        for (PreparedSplit s : splits) {
            writeTarget(out, s.train().target());
            writeMatrix(out, s.train().features());
            writeDoubles(out, s.train().labels().toArray());
            writeMatrix(out, s.valid());
            writeDoubles(out, s.validLabels().toArray());
        }
        out.flush();
    }

    /**
     * Reads the splits {@link #write} wrote.
     *
     * @throws IOException if {@code in} does not hold splits, ends early or throws
     */
    public static List<PreparedSplit> read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a splits file");
        }
        int n = in.readInt();
        List<PreparedSplit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Target target = readTarget(in);
            FeatureMatrix train = readMatrix(in);
            Labels trainLabels = Labels.of(readDoubles(in));
            FeatureMatrix valid = readMatrix(in);
            Labels validLabels = Labels.of(readDoubles(in));
            out.add(new PreparedSplit(new TrainingSet(train, trainLabels, target), valid, validLabels));
        }
        return out;
    }

    /** {@code splits} as bytes, as {@link #write} writes them. */
    public static byte[] toBytes(List<PreparedSplit> splits) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            write(new DataOutputStream(bytes), splits);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The splits in {@code bytes}, as {@link #toBytes} made them.
     *
     * @throws IllegalArgumentException if the bytes do not hold splits
     */
    public static List<PreparedSplit> fromBytes(byte[] bytes) {
        try {
            return read(new DataInputStream(new java.io.ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a split set in SplitCodec's form: " + e.getMessage(), e);
        }
    }

    private static void writeTarget(DataOutputStream out, Target t) throws IOException {
        out.writeUTF(t.name());
        out.writeUTF(t.task().label());
        writeStrings(out, t.classes());
    }

    private static Target readTarget(DataInputStream in) throws IOException {
        String name = in.readUTF();
        String task = in.readUTF();
        return new Target(name, Tasks.of(task, readStrings(in)));
    }

    private static void writeMatrix(DataOutputStream out, FeatureMatrix m) throws IOException {
        writeStrings(out, m.names());
        out.writeBoolean(m.isSparse());
        out.writeInt(m.rows());
        if (m.isSparse()) {
            writeInts(out, m.rowStart());
            writeInts(out, m.indexes());
            writeFloats(out, m.values());
        } else {
            writeFloats(out, m.toArray());
        }
    }

    private static FeatureMatrix readMatrix(DataInputStream in) throws IOException {
        List<String> names = readStrings(in);
        boolean sparse = in.readBoolean();
        int rows = in.readInt();
        if (sparse) {
            return FeatureMatrix.sparse(readInts(in), readInts(in), readFloats(in), names);
        }
        return FeatureMatrix.wrapOwned(readFloats(in), rows, names);
    }

    private static void writeStrings(DataOutputStream out, List<String> s) throws IOException {
        out.writeInt(s.size());
        for (String x : s) {
            out.writeUTF(x);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double d : a) {
            out.writeDouble(d);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int x : a) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
