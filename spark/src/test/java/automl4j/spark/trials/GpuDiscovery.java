package automl4j.spark.trials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * GPUs for a test's Spark without a GPU: a discovery script, Spark's documented way for a worker, executor or driver to
 * find its GPUs ({@code spark.*.resource.gpu.discoveryScript}), that names pretend addresses. Spark only keeps their
 * books (which task holds which address); nothing runs on them.
 */
final class GpuDiscovery {
    private GpuDiscovery() {
    }

    /**
     * Writes, in {@code dir}, an executable script that prints {@code {"name":"gpu","addresses":[…]}}.
     *
     * @return its absolute path
     */
    static Path script(Path dir, String... addresses) throws IOException {
        Path script = Files.createDirectories(dir).resolve("gpus.sh").toAbsolutePath();
        String list = Arrays.stream(addresses).map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
        Files.writeString(script, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[" + list + "]}'\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }
}
