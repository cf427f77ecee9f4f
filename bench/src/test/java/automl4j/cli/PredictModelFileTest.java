package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code automl predict} with a model file that cannot be loaded: exit 2 and one line naming the file and the entry. */
class PredictModelFileTest {
    @TempDir
    Path dir;

    @Test
    void damagedModelContentsExitTwoWithOneLineNamingTheEntry() throws IOException {
        CliHarness h = new CliHarness(dir);
        byte[] model = Files.readAllBytes(Path.of("src/test/resources/golden/export-v1/model.automl"));
        byte[] damaged = Arrays.copyOf(model, model.length);
        // Damage inside the deflated model.bin: the zip still opens, the entry does not inflate or match its checksum.
        damaged[model.length / 2] ^= 0x5a;
        Path file = dir.resolve("damaged.automl");
        Files.write(file, damaged);
        Path data = Path.of("src/test/resources/golden/export-v1/input.csv");
        CliHarness.Result r = h.cli("predict", "--model", file.toString(), "--data", data.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("automl: --model: " + file + ": entry model.bin: ").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void aJsonErrorInAnEntryWithARecomputedChecksumExitsTwoNamingTheEntryAndLearner() throws Exception {
        CliHarness h = new CliHarness(dir);
        Path golden = Path.of("src/test/resources/golden/export-v2/smile-logistic.automl");
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(golden))) {
            java.util.zip.ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        byte[] broken = "{\"weights\": [[1.0, ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        entries.put("models/0.bin", broken);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(broken));
        String manifest = new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(\"models/0.bin\" : \")[0-9a-f]{64}", "$1" + sha);
        entries.put("manifest.json", manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("broken.automl");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        CliHarness.Result r = h.cli("predict", "--model", file.toString(), "--data", file.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("automl: --model: " + file + ": entry models/0.bin (smile-logistic): ")
                .contains("not valid JSON").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotAModelExitsTwo() throws IOException {
        CliHarness h = new CliHarness(dir);
        Path file = h.file("notes.automl", "not a model");
        CliHarness.Result r = h.cli("predict", "--model", file.toString(), "--data", file.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("automl: --model: " + file
                + ": is not an AutoML4J model file: it is not a zip file or holds no entries");
    }
}
