package automl4j.journal;

import automl4j.data.TaskData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * SHA-256 of a table's column names, types and cells (numbers by their exact bits, the rest as text), and of the target
 * and task: a resumed run refuses data that differs in any of them.
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** The fingerprint of {@code data}, as hex. */
    public static String of(TaskData data) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        text(sha, data.targetName());
        text(sha, data.task() == null ? "" : data.task().label());
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
        int rows = data.table().rowCount();
        for (Column<?> c : data.table().columns()) {
            text(sha, c.name());
            text(sha, c.type().name());
            if (c instanceof NumericColumn<?> n) {
                for (int i = 0; i < rows; i++) {
                    number.clear();
                    number.putLong(n.isMissing(i) ? 0x7ff8_dead_0000_0000L : Double.doubleToLongBits(n.getDouble(i)));
                    sha.update(number.array());
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    text(sha, c.isMissing(i) ? "\u0000missing" : c.getUnformattedString(i));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    private static void text(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }
}
