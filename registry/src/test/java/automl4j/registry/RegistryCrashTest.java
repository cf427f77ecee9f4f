package automl4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process registering versions is killed ({@code destroyForcibly}, SIGKILL) while it writes; the database must then
 * open, pass SQLite's integrity check and hold only whole versions: each row's file present with its checksum, each
 * version's run recorded, at most one production version, and numbers that go on growing.
 */
class RegistryCrashTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed {0} ms after its first version")
    @ValueSource(ints = {0, 35, 120, 400})
    void aKilledWriterLeavesOnlyWholeVersions(int killDelayMillis) throws Exception {
        Path db = dir.resolve("registry.db");
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Path log = dir.resolve("writer.log");
        Process child = startWriter(db, sources, log, killDelayMillis);
        Thread.sleep(killDelayMillis);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the writer's output").isNotEmpty().first().asString().startsWith("registered ");
        int registered = (int) lines.stream().filter(l -> l.startsWith("registered ")).count();

        try (ModelRegistry registry = ModelRegistry.open(db)) {
            assertThat(registry.integrityCheck()).containsExactly("ok");
            List<ModelVersion> versions = registry.versions("crash");
            assertThat(versions).isNotEmpty();
            for (ModelVersion v : versions) {
                assertThat(registry.checkedFile(v)).isRegularFile();   // present, with the checksum recorded
                assertThat(registry.run(v.runId()).record().validationScore()).isNotNull();
                assertThat(v.metrics()).containsKeys("validation", "test_auc");
            }
            assertThat(versions.stream().filter(v -> v.stage() == Stage.PRODUCTION)).hasSizeLessThanOrEqualTo(1);
            int highest = registry.history("crash").stream().mapToInt(StageChange::version).max().orElseThrow();
            assertThat(highest).isGreaterThanOrEqualTo(registered);
            // every number given before the kill stays given: the next one is higher than any in the history
            Path next = Files.writeString(dir.resolve("after.automl"), "after the crash");
            assertThat(registry.register("crash", next, null).version()).isGreaterThan(highest);
        }
    }

    // Output into a file: destroyForcibly closes the child's pipes, and the count is wanted after the kill. Returns once
    // the child has registered its first version.
    private static Process startWriter(Path db, Path sources, Path log, long seed) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), RegistryWriter.class.getName(), db.toString(), sources.toString(),
                Long.toString(seed)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("registered ") && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return child;
    }

    @Test
    void twoProcessesRegisteringTheSameModelNeverShareANumber() throws Exception {
        Path db = dir.resolve("shared.db");
        Process child = startWriter(db, Files.createDirectories(dir.resolve("child-sources")), dir.resolve("child.log"), 7);
        List<Integer> mine = new java.util.ArrayList<>();
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            Path file = Files.writeString(dir.resolve("parent.automl"), "the parent's model");
            for (int i = 0; i < 15; i++) {
                ModelVersion v = registry.register("crash", file, null);
                mine.add(v.version());
                registry.promote("crash", v.version(), Stage.STAGING);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(registry.integrityCheck()).containsExactly("ok");
            List<Integer> registered = registry.history("crash").stream().filter(c -> c.from() == null)
                    .map(StageChange::version).toList();
            assertThat(registered).doesNotHaveDuplicates().containsAll(mine);
            assertThat(registered.size()).as("the child registered too").isGreaterThan(mine.size());
            for (ModelVersion v : registry.versions("crash")) {
                registry.checkedFile(v);
            }
        }
    }
}
