package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMlModel;
import automl4j.export.ModelFileException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of reading a model file, one crafted file each: the one exception, naming the file, entry and problem. */
class ModelFileSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Map<String, byte[]> v3;
    private ObjectNode manifest;

    @BeforeEach
    void writeVersionThreeFile() throws IOException {
        Path file = dir.resolve("valid.automl");
        AutoMlModel.load(GoldenFiles.V2.resolve("smile-logistic.automl")).exportTo(file);
        v3 = ModelFileMutator.entries(Files.readAllBytes(file));
        manifest = (ObjectNode) JSON.readTree(v3.get("manifest.json"));
    }

    @Test
    void anEntryTheManifestDoesNotNameIsRefused() throws IOException {
        v3.put("extra.bin", new byte[10]);
        assertRefused(write(v3), "entry extra.bin: is not named in the manifest");
    }

    @Test
    void aRepeatedEntryIsRefused() throws IOException {
        List<String> names = new ArrayList<>(v3.keySet());
        names.add("models/0.bin");
        assertRefused(write(names, v3), "entry models/0.bin: appears twice in the zip");
    }

    @Test
    void anEntryInflatingPastItsDeclaredSizeIsStoppedThere() throws IOException {
        byte[] big = new byte[20 << 20];   // 20 MiB of zeros: a few KiB compressed
        v3.put("models/0.bin", big);
        ((ObjectNode) manifest.get("entries").get("models/0.bin")).put("sha256", ModelFileMutator.sha256(big));
        assertRefused(withManifest(), "entry models/0.bin: is larger than " + entrySize() + " bytes when inflated, over its limit");
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeAnythingIsRead() throws IOException {
        ((ObjectNode) manifest.get("entries").get("models/0.bin")).put("size", 1L << 40);
        assertRefused(withManifest(), "entry manifest.json: entries.models/0.bin.size must be an integer in [0, 536870912], "
                + "but was 1099511627776");
    }

    @Test
    void anEntryWithoutAChecksumIsRefused() throws IOException {
        ((ObjectNode) manifest.get("entries")).remove("featurizers/0.json");
        assertRefused(withManifest(), "entry manifest.json: entries has no checksum for entry 'featurizers/0.json'");
    }

    @Test
    void aVersionTwoFileWithAnEmptyChecksumMapIsRefused() throws IOException {
        Map<String, byte[]> v2 = ModelFileMutator.entries(Files.readAllBytes(GoldenFiles.V2.resolve("smile-logistic.automl")));
        ObjectNode m = (ObjectNode) JSON.readTree(v2.get("manifest.json"));
        m.putObject("sha256");
        v2.put("manifest.json", JSON.writeValueAsBytes(m));
        assertRefused(write(v2), "entry manifest.json: sha256 has no checksum for entry 'featurizers/0.json'");
    }

    @Test
    void aChangedManifestIsCaughtByItsDigest() throws IOException {
        manifest.put("automl4j_version", "changed");
        v3.put("manifest.json", JSON.writeValueAsBytes(manifest));
        assertRefused(write(v3), "entry manifest.json: does not match its SHA-256 in manifest.sha256; the file is damaged");
    }

    @Test
    void aManifestOverItsLimitIsRefused() throws IOException {
        manifest.put("padding", "x".repeat(1 << 20));   // the manifest's limit, 1 MiB
        assertRefused(withManifest(), "entry manifest.json: is larger than 1048576 bytes when inflated, over its limit");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws IOException {
        ((ObjectNode) manifest.get("members").get(0)).put("weight", "heavy");
        assertRefused(withManifest(), "entry manifest.json: members[0].weight must be a finite number, but was \"heavy\"");
    }

    @Test
    void aPayloadTheLearnerRefusesIsNamedWithItsLearner() throws IOException {
        byte[] payload = "{\"weights\": [[1, 2], [3]]}".getBytes(StandardCharsets.UTF_8);
        v3.put("models/0.bin", payload);
        ObjectNode entry = (ObjectNode) manifest.get("entries").get("models/0.bin");
        entry.put("size", payload.length).put("sha256", ModelFileMutator.sha256(payload));
        assertRefused(withManifest(), "entry models/0.bin (smile-logistic): smile-logistic payload must hold 'weights', an array of 1 "
                + "rows for 2 classes");
    }

    @Test
    void aFileThatIsNotAZipOrIsMissingIsRefusedWithTheSameException() throws IOException {
        Path text = Files.writeString(dir.resolve("text.automl"), "hello");
        assertRefused(text, "is not an AutoML4J model file: it is not a zip file or holds no entries");
        assertRefused(dir.resolve("absent.automl"), "does not exist");
    }

    private long entrySize() {
        return manifest.get("entries").get("models/0.bin").get("size").asLong();
    }

    private Path withManifest() throws IOException {
        byte[] m = JSON.writeValueAsBytes(manifest);
        v3.put("manifest.json", m);
        v3.put("manifest.sha256", ModelFileMutator.sha256(m).getBytes(StandardCharsets.US_ASCII));
        return write(v3);
    }

    private Path write(Map<String, byte[]> entries) throws IOException {
        return write(new ArrayList<>(entries.keySet()), entries);
    }

    private Path write(List<String> names, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve("crafted.automl");
        Files.write(file, ModelFileMutator.zip(names, entries));
        return file;
    }

    private static void assertRefused(Path file, String problem) {
        assertThatThrownBy(() -> AutoMlModel.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": " + problem).hasMessageNotContaining("\n");
    }
}
