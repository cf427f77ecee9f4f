package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key (either header, 401 otherwise, probes open) and HTTPS from a PKCS12 keystore made by keytool. */
class AuthAndTlsTest {
    @TempDir
    static Path dir;
    static ServedModel served;

    @BeforeAll
    static void model() {
        served = new FileModelSource(TestModels.binary(dir, "churn.automl", 0, 300), Duration.ofSeconds(1)).load();
    }

    private static ScoringServer start(ServerOptions.Builder options) throws InterruptedException {
        LiveModel live = new LiveModel("churn");
        live.swap(served, Duration.ZERO);
        return ScoringServer.start(live, options.port(0).build());
    }

    @Test
    void anApiKeyIsNeededEverywhereButTheProbes() throws Exception {
        try (ScoringServer server = start(ServerOptions.builder().apiKey("s3cret-key".getBytes(StandardCharsets.UTF_8)))) {
            Http http = new Http(server.uri());
            List<java.util.Map<String, Object>> rows = TestModels.rows(300, 301);
            HttpResponse<String> none = http.predict(rows);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(Http.errorKind(none)).isEqualTo("unauthorized");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(http.postJson("/predict", rows, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(http.postJson("/predict", rows, "X-API-Key", "s3cret-ke").statusCode()).isEqualTo(401);
            assertThat(http.postJson("/predict", rows, "Authorization", "Bearer s3cret-key").statusCode()).isEqualTo(200);
            assertThat(http.postJson("/predict", rows, "X-API-Key", "s3cret-key").statusCode()).isEqualTo(200);
            assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            assertThat(http.get("/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void servesHttpsFromAPkcs12Keystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "changeit";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(said).isZero();

        try (ScoringServer server = start(ServerOptions.builder().tls(keystore, password.toCharArray()))) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            Http https = new Http(server.uri(), HttpClient.newBuilder().sslContext(ssl).build());
            HttpResponse<String> r = https.predict(TestModels.rows(300, 302));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Http.json(r).path("predictions")).hasSize(2);
        }
    }
}
