package automl4j.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one handler: finds the route, checks the method and the API key, answers, and counts the answer. Every
 * exception of a request ends here as a JSON error, so no input can stop the server.
 */
final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final LiveModel live;
    private final ApiKeyCheck apiKey;            // null: no key needed
    private final PredictEndpoint predict;
    private final ServerMetrics metrics;
    private final byte[] openapi;
    private volatile boolean draining;

    Router(LiveModel live, ApiKeyCheck apiKey, PredictEndpoint predict, ServerMetrics metrics) {
        this.live = live;
        this.apiKey = apiKey;
        this.predict = predict;
        this.metrics = metrics;
        this.openapi = openapiDocument();
    }

    /** From now on {@code /ready} answers 503: a load balancer stops sending before the connectors close. */
    void drain() {
        draining = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = request.getHttpURI().getDecodedPath();
        Route route = Route.match(path);
        Answer answer;
        try {
            answer = answer(route, path, request, start);
        } catch (HttpProblem p) {
            answer = p.toAnswer().withKind(p.kind());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), path, e);
            answer = new HttpProblem(500, "internal", "internal error: " + e).toAnswer().withKind("internal");
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        if (answer.header() != null) {
            response.getHeaders().put(answer.header(), answer.headerValue());
        }
        metrics.answered(route == null ? "other" : route.template(), answer.status(), System.nanoTime() - start, answer.kind());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    private Answer answer(Route route, String path, Request request, long start) {
        if (route == null) {
            throw new HttpProblem(404, "not_found", "no such path: " + path + "; the server's paths are in /openapi.yaml");
        }
        if (!route.method().equals(request.getMethod())) {
            throw new HttpProblem(405, "method_not_allowed", route.template() + " answers " + route.method() + ", not "
                    + request.getMethod(), "Allow", route.method());
        }
        if (route == Route.NAMED_PREDICT && !Route.modelName(path).equals(live.name())) {
            throw new HttpProblem(404, "unknown_model", "model '" + Route.modelName(path) + "' is not served here; this"
                    + " server serves '" + live.name() + "'");
        }
        if (apiKey != null && !route.open()) {
            apiKey.require(request.getHeaders());
        }
        if (route == Route.PREDICT || route == Route.NAMED_PREDICT) {
            return predict.answer(request, start);
        }
        if (route == Route.METRICS) {
            return new Answer(200, metrics.contentType(), metrics.scrape(), null, null, null);
        }
        if (route == Route.OPENAPI) {
            return new Answer(200, "application/yaml", openapi, null, null, null);
        }
        ServedModel served = live.current().orElseThrow(() -> new HttpProblem(503, "not_ready",
                "model '" + live.name() + "' is not loaded yet", "Retry-After", "1"));
        if (route == Route.HEALTH) {
            return Answer.json(200, JsonAnswers.status("ok", live.name(), served.version()));
        }
        if (route == Route.READY) {
            if (draining) {
                throw new HttpProblem(503, "draining", "the server is shutting down");
            }
            return Answer.json(200, JsonAnswers.status("ready", live.name(), served.version()));
        }
        if (route == Route.SCHEMA) {
            return Answer.json(200, JsonAnswers.schema(live.name(), served.version(), served.model().schema()));
        }
        return Answer.json(200, JsonAnswers.metadata(live.name(), served.version(), served.model().metadata()));
    }

    private static byte[] openapiDocument() {
        try (InputStream in = Router.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the automl4j-serving jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.yaml from the automl4j-serving jar", e);
        }
    }
}
