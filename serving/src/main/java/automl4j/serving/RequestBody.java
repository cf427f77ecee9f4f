package automl4j.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a prediction request's body: its format from the content type, its bytes within the limits, strict UTF-8. */
final class RequestBody {
    /** The body formats the server reads. */
    enum Format { JSON, CSV }

    private RequestBody() {
    }

    /**
     * The body's format, from {@code Content-Type}: {@code application/json} (or none) or {@code text/csv}, either with
     * no charset or UTF-8.
     *
     * @throws HttpProblem 415 for any other type or charset
     */
    static Format format(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return Format.JSON;   // curl --data-binary and most load generators send no type: JSON is the contract
        }
        String[] parts = type.split(";");
        String mime = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                throw unsupported("charset '" + parts[i].trim().substring(8) + "' is not supported; send UTF-8");
            }
        }
        if (mime.equals("application/json")) {
            return Format.JSON;
        }
        if (mime.equals("text/csv")) {
            return Format.CSV;
        }
        throw unsupported("content type '" + type + "' is not supported; send application/json (an array of row objects)"
                + " or text/csv (a header line, then one line per row)");
    }

    /**
     * Refuses a body whose declared length is over the limit before any of it is read.
     *
     * @throws HttpProblem 413
     */
    static void checkDeclaredLength(Request request, long maxBytes) {
        long length = request.getLength();
        if (length > maxBytes) {
            throw tooLarge(length, maxBytes);
        }
    }

    /** Grace before the minimum data rate applies: a body's first second may be slow (connection set-up, TLS). */
    private static final long RATE_GRACE_NANOS = 1_000_000_000L;

    /**
     * The whole body as text. A trickle of a byte now and then never leaves the connection silent, so the idle timeout
     * does not catch it; the minimum data rate does, after a second or so instead of the whole request timeout.
     *
     * @param minBytesPerSecond the slowest average rate after the body's first second; 0 for no minimum
     * @throws HttpProblem 413 past {@code maxBytes}; 408 if the deadline passes while reading or the body arrives
     *                     slower than the minimum; 400 for bytes that are not UTF-8 or a body that could not be read
     */
    static String read(Request request, long maxBytes, long deadlineNanos, long minBytesPerSecond) {
        long start = System.nanoTime();
        byte[] buf = new byte[(int) Math.min(Math.max(request.getLength(), 256), Math.min(maxBytes + 1, 1 << 20))];
        int n = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (true) {
                if (n == buf.length) {
                    if (n > maxBytes) {
                        throw tooLarge(-1, maxBytes);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxBytes + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n > maxBytes) {
                    throw tooLarge(-1, maxBytes);
                }
                long now = System.nanoTime();
                if (now - deadlineNanos > 0) {
                    throw new HttpProblem(408, "timeout", "the request body arrived too slowly: it was not complete within"
                            + " the request timeout (--timeout-ms)");
                }
                long elapsed = now - start;
                if (minBytesPerSecond > 0 && elapsed > RATE_GRACE_NANOS && n * 1_000_000_000.0 / elapsed < minBytesPerSecond) {
                    throw new HttpProblem(408, "timeout", "the request body arrived too slowly: " + n + " bytes in "
                            + elapsed / 1_000_000 + " ms, under the minimum of " + minBytesPerSecond + " bytes a second (--min-data-rate)");
                }
            }
        } catch (IOException e) {
            throw new HttpProblem(400, "bad_request", "the request body could not be read: " + e.getMessage());
        }
        return utf8(buf, n);
    }

    /** Decodes strictly: a malformed sequence is an error naming its byte offset, never a replacement character. */
    static String utf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new HttpProblem(400, "invalid_utf8", "the request body is not valid UTF-8: byte offset " + in.position()
                    + " starts a malformed sequence");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static HttpProblem tooLarge(long length, long maxBytes) {
        return new HttpProblem(413, "body_too_large", (length >= 0 ? "the request body has " + length + " bytes, more" : "the request"
                + " body is larger") + " than the limit of " + maxBytes + " bytes (--max-body-bytes); send fewer rows per request");
    }

    private static HttpProblem unsupported(String message) {
        return new HttpProblem(415, "unsupported_media_type", message);
    }
}
