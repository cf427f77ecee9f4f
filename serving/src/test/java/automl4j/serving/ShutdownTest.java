package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful stop stops accepting, lets the request in flight finish with its answer, then returns. */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void aGracefulStopDrainsAnInFlightRequest() throws Exception {
        ServedModel served = new FileModelSource(TestModels.binary(dir, "churn.automl", 0, 300), Duration.ofSeconds(1)).load();
        LiveModel live = new LiveModel("churn");
        live.swap(served, Duration.ZERO);
        ScoringServer server = ScoringServer.start(live, ServerOptions.builder().port(0).drainTimeout(Duration.ofSeconds(10)).build());
        String body = Http.JSON.writeValueAsString(TestModels.rows(300, 302));
        try (RawClient inFlight = new RawClient(server.port())) {
            inFlight.startPost("/predict", body.length(), body.substring(0, 10));
            Gates.awaitActive(server, 1);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            Thread.sleep(200);
            assertThat(stopping).as("stop waits for the request in flight").isNotDone();
            assertThat(newRequestWhileDraining(server)).as("a new request while draining").isIn("refused", "503 draining");
            inFlight.send(body.substring(10));
            String answer = inFlight.readUntilClosed();
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"predictions\"");
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    // The connector stops accepting; a request that still gets through (a connection opened just before) is refused.
    private static String newRequestWhileDraining(ScoringServer server) {
        try {
            java.net.http.HttpResponse<String> r = new Http(server.uri()).predict(TestModels.rows(300, 301));
            return r.statusCode() + " " + (r.statusCode() == 503 ? "draining" : r.body());
        } catch (java.io.UncheckedIOException e) {
            return "refused";
        }
    }
}
