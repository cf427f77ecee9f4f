package automl4j.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real HTTP client on loopback for the server tests, with JSON helpers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;

    Http(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    Http(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, headers);
    }

    HttpResponse<String> postJson(String path, Object body, String... headers) {
        try {
            return post(path, "application/json", JSON.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> predict(List<Map<String, Object>> rows) {
        return postJson("/predict", rows);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    /** The error kind of an error answer, checking its shape. */
    static String errorKind(HttpResponse<String> r) {
        JsonNode error = json(r).path("error");
        if (!error.path("kind").isTextual() || !error.path("message").isTextual()) {
            throw new AssertionError("not an error body: " + r.body());
        }
        return error.path("kind").asText();
    }

    static String errorMessage(HttpResponse<String> r) {
        return json(r).path("error").path("message").asText();
    }
}
