package automl4j.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads one zip entry with a size limit checked while inflating, and its SHA-256 (a copy of the engine's BundleEntries). */
final class Entries {
    private static final int CHUNK = 1 << 20;

    private Entries() {
    }

    /** An entry's bytes and their SHA-256 in lower-case hex. */
    record Read(byte[] data, String sha256) {
    }

    /** An entry exceeded its limit; thrown as soon as one byte more than the limit was inflated. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("is larger than " + limit + " bytes");
        }
    }

    /**
     * The rest of the current entry of {@code zip}, refusing more than {@code limit} bytes. Memory follows what is
     * inflated, in chunks joined once at the end (at most twice the entry's size), never what a header declares.
     */
    static Read read(InputStream zip, long limit) throws IOException {
        MessageDigest digest = sha256();
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, limit - total + 1)];
            int filled = zip.readNBytes(chunk, 0, chunk.length);
            total += filled;
            if (total > limit) {
                throw new TooLarge(limit);
            }
            digest.update(chunk, 0, filled);
            chunks.add(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
            if (filled < chunk.length) {
                break;
            }
        }
        byte[] data = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, data, at, c.length);
            at += c.length;
        }
        return new Read(data, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
