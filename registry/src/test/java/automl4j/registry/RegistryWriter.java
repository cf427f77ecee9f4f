package automl4j.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The child process of {@link RegistryCrashTest}: registers versions of the model {@code crash} in a loop (a run, a
 * 256 KiB model file, every second one promoted to production, every third deleted), until it is killed. Prints
 * {@code registered N} after each version, so that the test kills it while it is writing.
 */
public final class RegistryWriter {
    private RegistryWriter() {
    }

    /**
     * Runs the loop.
     *
     * @param args the database file and a folder for the source files
     */
    public static void main(String[] args) throws IOException {
        Path db = Path.of(args[0]);
        Path sources = Path.of(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        byte[] bytes = new byte[256 * 1024];
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            for (int i = 1; ; i++) {
                random.nextBytes(bytes);
                Path source = sources.resolve("model-" + i + ".automl");
                Files.write(source, bytes);
                long run = registry.recordRun(RunRecord.builder().metric("auc", true).validationScore(random.nextDouble())
                        .metrics(Map.of("test_auc", random.nextDouble())).build());
                ModelVersion v = registry.register("crash", source, run);
                if (i % 2 == 0) {
                    registry.promote("crash", v.version(), Stage.PRODUCTION);
                }
                if (i % 3 == 0) {
                    registry.delete("crash", v.version(), true);
                }
                Files.delete(source);
                System.out.println("registered " + v.version());
                System.out.flush();
            }
        }
    }
}
