package automl4j.serving;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A complete response before it is written: status, content type, body and at most one extra header. Immutable.
 *
 * @param kind the error kind for metrics, or null for a success
 */
record Answer(int status, String contentType, byte[] body, String header, String headerValue, String kind) {
    static final String JSON = "application/json";

    Answer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static Answer json(int status, byte[] body) {
        return new Answer(status, JSON, body, null, null, null);
    }

    static Answer text(int status, String contentType, String body) {
        return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, null, null);
    }

    Answer withHeader(String name, String value) {
        return new Answer(status, contentType, body, name, value, kind);
    }

    Answer withKind(String errorKind) {
        return new Answer(status, contentType, body, header, headerValue, errorKind);
    }
}
