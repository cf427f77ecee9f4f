package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code automl serve}: its usage errors in-process, and a real server in a child JVM stopped by SIGTERM. */
class ServeCliTest {
    private static final Path MODEL = Path.of("src/test/resources/golden/export-v2/xgboost.automl");

    @TempDir
    Path dir;

    @Test
    void aMissingModelExitsWithTheModelFileCodeBeforeBinding() {
        CliHarness.Result r = new CliHarness(dir).cli("serve", "--model", dir.resolve("none.automl").toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("none.automl");
    }

    @Test
    void aDamagedModelExitsWithTheModelFileCode() throws Exception {
        Path damaged = Files.write(dir.resolve("damaged.automl"), new byte[] {'P', 'K', 3, 4, 1, 2});
        CliHarness.Result r = new CliHarness(dir).cli("serve", "--model", damaged.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("damaged.automl");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        CliHarness h = new CliHarness(dir);
        CliHarness.Result tls = h.cli("serve", "--model", MODEL.toString(), "--tls-keystore", "ks.p12");
        assertThat(tls.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tls.err()).contains("--tls-password-file");
        CliHarness.Result rows = h.cli("serve", "--model", MODEL.toString(), "--max-rows", "0");
        assertThat(rows.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(rows.err()).contains("max rows must be >= 1, but was 0");
        Path empty = Files.writeString(dir.resolve("key.txt"), "\n");
        CliHarness.Result key = h.cli("serve", "--model", MODEL.toString(), "--api-key-file", empty.toString());
        assertThat(key.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(key.err()).contains("--api-key-file", "is empty");
    }

    @Test
    void servesUntilSigtermThenStopsGracefully() throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--model", MODEL.toString(), "--port", "0", "--name", "churn")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String ready = said.readLine();
            Matcher m = Pattern.compile("serving model 'churn' version (sha256:[0-9a-f]{12}) from .*xgboost\\.automl at (http://127\\.0\\.0\\.1:\\d+/)")
                    .matcher(String.valueOf(ready));
            assertThat(m.matches()).as(ready).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(m.group(2)).resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains(m.group(1));
            serve.destroy();   // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(143);
        } finally {
            serve.destroyForcibly();
        }
    }
}
