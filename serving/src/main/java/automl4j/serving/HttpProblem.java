package automl4j.serving;

/**
 * A request the server answers with an error: the status, a stable kind for clients and metrics, and a message for
 * people. Thrown inside request handling and turned into {@code {"error": {"kind": ..., "message": ...}}}.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final String header;
    private final String headerValue;

    HttpProblem(int status, String kind, String message) {
        this(status, kind, message, null, null);
    }

    /** With one extra response header ({@code Retry-After}, {@code Allow}, {@code WWW-Authenticate}). */
    HttpProblem(int status, String kind, String message, String header, String headerValue) {
        super(message, null, false, false);   // no stack trace: these are answers, not bugs
        this.status = status;
        this.kind = kind;
        this.header = header;
        this.headerValue = headerValue;
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }

    Answer toAnswer() {
        Answer a = Answer.json(status, ErrorBodies.of(kind, getMessage()));
        return header == null ? a : a.withHeader(header, headerValue);
    }
}
