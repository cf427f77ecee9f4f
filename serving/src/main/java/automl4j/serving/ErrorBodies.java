package automl4j.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the one shape every error answer has: {@code {"error": {"kind": ..., "message": ...}}}. */
final class ErrorBodies {
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorBodies() {
    }

    static byte[] of(String kind, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + (message == null ? 0 : message.length()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("kind", kind);
            g.writeStringField("message", message == null ? kind : message);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** The kind of an error status Jetty answers before a request reaches the server's handler. */
    static String kindOf(int status) {
        switch (status) {
            case 400: return "bad_request";
            case 404: return "not_found";
            case 405: return "method_not_allowed";
            case 408: return "timeout";
            case 413: return "body_too_large";
            case 414: return "uri_too_long";
            case 415: return "unsupported_media_type";
            case 431: return "headers_too_large";
            case 503: return "unavailable";
            default: return status >= 500 ? "internal" : "http_" + status;
        }
    }
}
