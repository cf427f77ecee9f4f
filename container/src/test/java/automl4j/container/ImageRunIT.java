package automl4j.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import automl4j.datasets.DefaultDataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Runs the image with a real container engine, Debian's podman (with runc), when the machine has it ({@code .ci/run}
 * installs both): the golden XGBoost model is mounted read-only at /models, the server answers /health and a
 * prediction equal to the one the model made when it was written, and its process runs as the image's non-root user.
 * Podman keeps its storage under {@code target/podman} (vfs: no overlay mounts needed) and the test removes it.
 * {@code default_ulimits} is emptied because these machines refuse a container the raise of its file and process limits
 * that podman asks for by default.
 */
class ImageRunIT {
    private static final Path WORK = Path.of("target", "podman").toAbsolutePath();
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theImageRunsTheServerAsANonRootUserInPodman() throws Exception {
        assumeTrue(Files.isRegularFile(ImageTar.FILE), "the image is built on Linux x86-64 only (profile 'image')");
        assumeTrue(onPath("podman") && onPath("runc"), "podman and runc are not installed (Debian packages podman, runc; .ci/run installs them)");
        Files.createDirectories(WORK.resolve("models"));
        Files.copy(GOLDEN.resolve("xgboost.automl"), WORK.resolve("models/model.automl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(WORK.resolve("containers.conf"), "[containers]\ndefault_ulimits = []\n");
        String name = "automl4j-it-" + ProcessHandle.current().pid();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try {
            podman(120, "load", "-q", "-i", ImageTar.FILE.toAbsolutePath().toString());
            podman(60, "run", "-d", "--name", name, "--network=host", "-m", "512m",
                    "-v", WORK.resolve("models") + ":/models:ro", "automl4j/serve:0.1.0",
                    "serve", "--model", "/models/model.automl", "--host", "127.0.0.1", "--port", Integer.toString(port));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            assertThat(waitForHealth(http, base)).as("GET /health answered 200 within 90 s; logs:%n%s", logs(name)).isTrue();

            Table rows = DefaultDataset.generate(30, 11);
            ArrayNode body = JSON.createArrayNode();
            ObjectNode row = body.addObject();
            for (String c : rows.columnNames()) {
                if (!c.equals(DefaultDataset.TARGET) && !rows.column(c).isMissing(0)) {
                    Object v = rows.column(c).get(0);
                    row.putPOJO(c, v);
                }
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/predict"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String[] expected = Files.readAllLines(GOLDEN.resolve("xgboost.expected")).get(0).split(",");
            JsonNode p = JSON.readTree(answer.body()).path("predictions").get(0);
            assertThat(p.path("label").asText()).isEqualTo(expected[0]);
            assertThat(p.path("probabilities").path("no").asDouble()).isEqualTo(Double.parseDouble(expected[1]));
            assertThat(p.path("probabilities").path("yes").asDouble()).isEqualTo(Double.parseDouble(expected[2]));
            assertThat(podman(30, "top", name, "user")).contains("automl").doesNotContain("root");
        } finally {
            podmanQuietly("rm", "-f", "-t", "5", name);
            podmanQuietly("system", "reset", "-f");
            deleteTree(WORK);
        }
    }

    private static boolean waitForHealth(HttpClient http, URI base) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // the JVM in the container is still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String logs(String name) {
        try {
            return podman(30, "logs", name);
        } catch (Exception e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    private static String podman(int seconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman", "--root", WORK.resolve("root").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver=vfs", "--runtime", "runc"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CONTAINERS_CONF", WORK.resolve("containers.conf").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("podman " + String.join(" ", args) + " took over " + seconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("podman " + String.join(" ", args) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    private static void podmanQuietly(String... args) {
        try {
            podman(60, args);
        } catch (Exception ignored) {
            // cleaning up after a failure that is already reported
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
