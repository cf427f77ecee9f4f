package automl4j.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image's configuration, read from the tar Jib built in this module's package phase: it runs the scoring server as
 * a non-root user on port 8080 with the model under /models, sizes its heap from the container's memory limit, and
 * holds the Java runtime, the C libraries and the tool's jars it needs to start, with the right modes.
 */
class ImageConfigIT {
    @Test
    void theImageServesAsANonRootUserWithTheHeapFromTheMemoryLimit() throws Exception {
        assumeTrue(Files.isRegularFile(ImageTar.FILE), "the image is built on Linux x86-64 only (profile 'image')");
        ImageTar image = ImageTar.read();
        JsonNode c = image.config.path("config");
        assertThat(image.config.path("os").asText()).isEqualTo("linux");
        assertThat(image.config.path("architecture").asText()).isEqualTo("amd64");
        assertThat(c.path("User").asText()).isEqualTo("10001:10001");
        assertThat(strings(c.path("Entrypoint"))).startsWith("java").contains("-XX:MaxRAMPercentage=75",
                "-XX:+ExitOnOutOfMemoryError").endsWith("automl4j.cli.Main");
        assertThat(strings(c.path("Cmd"))).containsExactly("serve", "--model", "/models/model.automl", "--host", "0.0.0.0",
                "--port", "8080");
        assertThat(strings(c.path("Env"))).contains("PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java");
        assertThat(c.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(c.path("Volumes").has("/models")).isTrue();
        assertThat(c.path("Labels").path("io.automl4j.health").asText()).contains("/health");

        Map<String, Integer> files = image.files();
        assertThat(files.get("opt/java/bin/java")).as("java is executable").isEqualTo(0755);
        assertThat(files.get("lib64/ld-linux-x86-64.so.2")).as("the dynamic loader is executable").isEqualTo(0755);
        assertThat(files).containsKeys("lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1", "etc/passwd",
                "app/jib-classpath-file");
        assertThat(files.keySet()).anyMatch(f -> f.matches("app/libs/automl4j-serving-.*\\.jar"))
                .anyMatch(f -> f.matches("app/libs/automl4j-scoring-.*\\.jar"))
                .anyMatch(f -> f.matches("opt/java/lib/modules"));
        assertThat(files.entrySet()).as("no setuid or setgid file").noneMatch(e -> (e.getValue() & 06000) != 0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
