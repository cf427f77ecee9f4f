package automl4j.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads one zip entry with a size limit checked while inflating, and its SHA-256. */
final class BundleEntries {
    private BundleEntries() {
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

    /** The rest of the current entry of {@code zip}, refusing more than {@code limit} bytes. */
    static Read read(InputStream zip, long limit) throws IOException {
        MessageDigest digest = sha256();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = zip.read(buffer, 0, (int) Math.min(buffer.length, limit - total + 1))) > 0) {
            total += n;
            if (total > limit) {
                throw new TooLarge(limit);
            }
            out.write(buffer, 0, n);
            digest.update(buffer, 0, n);
        }
        return new Read(out.toByteArray(), HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
