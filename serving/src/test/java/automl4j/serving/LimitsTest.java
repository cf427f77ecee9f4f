package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency, queue, timeout and idle limits. A request held open by a raw socket (headers and half its body sent)
 * occupies a reading slot (max-concurrent + queue of them), which makes a full server without sleeping in the server;
 * the wait for a scoring turn is tested on the gate itself ({@code AdmissionGateTest}).
 */
class LimitsTest {
    @TempDir
    static Path dir;
    static ServedModel served;
    static String body;

    @BeforeAll
    static void model() throws Exception {
        served = new FileModelSource(TestModels.binary(dir, "churn.automl", 0, 300), Duration.ofSeconds(1)).load();
        body = Http.JSON.writeValueAsString(TestModels.rows(300, 301));
    }

    private static ScoringServer start(ServerOptions.Builder options) throws InterruptedException {
        LiveModel live = new LiveModel("churn");
        live.swap(served, Duration.ZERO);
        return ScoringServer.start(live, options.port(0).build());
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndTheHeldRequestStillSucceeds() throws Exception {
        try (ScoringServer server = start(ServerOptions.builder().maxConcurrent(1).queue(0));
             RawClient held = new RawClient(server.port())) {
            held.startPost("/predict", body.length(), body.substring(0, 10));
            Http http = new Http(server.uri());
            Gates.awaitActive(server, 1);
            HttpResponse<String> refused = http.predict(TestModels.rows(300, 301));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Http.errorKind(refused)).isEqualTo("overloaded");
            assertThat(Http.errorMessage(refused)).contains("reading as many request bodies");
            assertThat(http.get("/health").statusCode()).as("probes are not queued").isEqualTo(200);
            held.send(body.substring(10));
            assertThat(held.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(http.predict(TestModels.rows(300, 301)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSlowSenderHoldsOnlyAReadingSlotNotAScoringTurn() throws Exception {
        // One scoring turn, four more reading slots: a client sending its body slowly must not stop others being scored.
        try (ScoringServer server = start(ServerOptions.builder().maxConcurrent(1).queue(4).timeout(Duration.ofSeconds(5)));
             RawClient held = new RawClient(server.port())) {
            held.startPost("/predict", body.length(), body.substring(0, 10));
            Http http = new Http(server.uri());
            Gates.awaitActive(server, 1);
            assertThat(http.predict(TestModels.rows(300, 301)).statusCode()).isEqualTo(200);
            held.send(body.substring(10));
            assertThat(held.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void aBodyBelowTheMinimumDataRateIsCut() throws Exception {
        try (ScoringServer server = start(ServerOptions.builder().minDataRate(100_000).timeout(Duration.ofSeconds(30)));
             RawClient slow = new RawClient(server.port())) {
            slow.startPost("/predict", body.length(), body.substring(0, 10));
            try {
                for (int i = 10; i < 30; i++) {
                    Thread.sleep(200);   // 5 bytes a second, far below 100,000
                    slow.send(body.substring(i, i + 1));
                }
            } catch (java.io.IOException cut) {
                // the server answered and closed the connection while this client was still trickling
            }
            assertThat(slow.statusLine()).startsWith("HTTP/1.1 408");
            assertThat(new Http(server.uri()).predict(TestModels.rows(300, 301)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBodyThatArrivesTooSlowlyAnswers408() throws Exception {
        try (ScoringServer server = start(ServerOptions.builder().timeout(Duration.ofMillis(200)));
             RawClient slow = new RawClient(server.port())) {
            slow.startPost("/predict", body.length(), body.substring(0, 10));
            Thread.sleep(400);   // the client, not the server, is slow
            slow.send(body.substring(10));
            assertThat(slow.statusLine()).startsWith("HTTP/1.1 408");
            assertThat(new Http(server.uri()).predict(TestModels.rows(300, 301)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSlowLorisClientIsCutByTheIdleTimeout() throws Exception {
        try (ScoringServer server = start(ServerOptions.builder().idleTimeout(Duration.ofMillis(300)));
             RawClient loris = new RawClient(server.port())) {
            long start = System.nanoTime();
            loris.send("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
            String answer = loris.readUntilClosed();
            assertThat(answer).doesNotContain("<timed out>");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
            assertThat(new Http(server.uri()).predict(TestModels.rows(300, 301)).statusCode()).isEqualTo(200);
        }
    }
}
