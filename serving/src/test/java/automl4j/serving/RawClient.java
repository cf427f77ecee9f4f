package automl4j.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A socket that speaks HTTP/1.1 by hand, to send part of a request and hold it: a slow client, an in-flight request. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the request line and headers of a JSON POST of {@code length} bytes, and {@code bodyStart}. */
    RawClient startPost(String path, int length, String bodyStart) throws IOException {
        return send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\n\r\n" + bodyStart);
    }

    RawClient send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Everything the server sends until it closes the connection, or until the read times out. */
    String readUntilClosed() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                got.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            return got.toString(StandardCharsets.UTF_8) + "<timed out>";
        } catch (java.net.SocketException e) {
            return got.toString(StandardCharsets.UTF_8) + "<reset>";
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** The status line of the response, read to its first line break. */
    String statusLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
