package automl4j.export;

import automl4j.AutoMlModel;
import automl4j.data.Target;
import automl4j.data.TaskType;
import automl4j.featurize.Featurizers;
import automl4j.featurize.FittedTransform;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.space.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The exported pipeline file: a zip holding {@code manifest.json} (format name and version, target, config, the
 * featurizer and learner ids, library versions, and a SHA-256 of every other entry), {@code featurizer.json} (the
 * fitted transform) and {@code model.bin} (the learner's own format: XGBoost UBJ, Tribuo protobuf, or the documented
 * JSON tree dump for Smile). No Java serialization anywhere, so loading a file never runs code from it.
 */
public final class PipelineBundle {
    /** Value of {@code format} in every manifest. */
    public static final String FORMAT = "automl4j-pipeline";
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String FEATURIZER = "featurizer.json";
    private static final String MODEL = "model.bin";

    private PipelineBundle() {
    }

    /** Writes {@code model} to {@code path} atomically (a temporary file renamed into place). */
    public static void write(AutoMlModel model, Path path) throws IOException {
        byte[] featurizer = model.transform().export();
        ModelArtifact artifact = model.model().export();
        byte[] payload = artifact.payload();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("format_version", VERSION);
        manifest.put("automl4j_version", Versions.automl4j());
        manifest.put("java_version", System.getProperty("java.version"));
        ObjectNode target = manifest.putObject("target");
        target.put("name", model.target().name());
        target.put("task", model.target().task().label());
        target.putPOJO("classes", model.target().classes());
        ObjectNode config = manifest.putObject("config");
        config.put("learner", model.config().learner());
        ObjectNode values = config.putObject("values");
        model.config().values().forEach((k, v) -> {
            if (v instanceof Integer i) {
                values.put(k, i);
            } else if (v instanceof Double d) {
                values.put(k, d);
            } else {
                values.put(k, (String) v);
            }
        });
        manifest.put("featurizer", model.transform().featurizerId());
        ObjectNode m = manifest.putObject("model");
        m.put("learner", artifact.learnerId());
        m.put("payload_format", artifact.format());
        ObjectNode props = m.putObject("properties");
        artifact.properties().forEach(props::put);
        manifest.putPOJO("info", new TreeMap<>(model.info()));
        ObjectNode sums = manifest.putObject("sha256");
        sums.put(FEATURIZER, sha256(featurizer));
        sums.put(MODEL, sha256(payload));
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".automl", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            put(zip, FEATURIZER, featurizer);
            put(zip, MODEL, payload);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a pipeline file; the featurizer and learner named in it must be on the class path.
     *
     * @throws IOException if the file cannot be read, is not a pipeline file, has another format version, or an
     *                     entry does not match its checksum; the message names the file and the problem
     */
    public static AutoMlModel read(Path path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("model file " + path + " does not exist", e);
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new IOException(path + " is not an AutoML4J pipeline file: it has no " + MANIFEST);
        }
        JsonNode manifest = JSON.readTree(manifestBytes);
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new IOException(path + " is not an AutoML4J pipeline file: format is '" + manifest.path("format").asText() + "'");
        }
        int version = manifest.path("format_version").asInt(-1);
        if (version != VERSION) {
            throw new IOException(path + " has pipeline format version " + version + ", but this AutoML4J reads version " + VERSION);
        }
        for (Map.Entry<String, JsonNode> sum : manifest.path("sha256").properties()) {
            byte[] data = entries.get(sum.getKey());
            if (data == null || !sha256(data).equals(sum.getValue().asText())) {
                throw new IOException(path + ": entry " + sum.getKey() + " is missing or does not match its SHA-256; the file is damaged");
            }
        }
        JsonNode t = manifest.path("target");
        List<String> classes = new ArrayList<>();
        t.path("classes").forEach(c -> classes.add(c.asText()));
        Target target = new Target(t.path("name").asText(), TaskType.parse(t.path("task").asText()), classes);
        JsonNode c = manifest.path("config");
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> v : c.path("values").properties()) {
            JsonNode n = v.getValue();
            values.put(v.getKey(), n.isInt() ? (Object) n.asInt() : n.isNumber() ? (Object) n.asDouble() : n.asText());
        }
        Config config = Config.of(c.path("learner").asText(), values);
        FittedTransform transform = Featurizers.forId(manifest.path("featurizer").asText()).load(entries.get(FEATURIZER));
        JsonNode m = manifest.path("model");
        Map<String, String> props = new TreeMap<>();
        for (Map.Entry<String, JsonNode> p : m.path("properties").properties()) {
            props.put(p.getKey(), p.getValue().asText());
        }
        String learnerId = m.path("learner").asText();
        Learner learner = Learners.discovered().stream().filter(l -> l.id().equals(learnerId)).findFirst()
                .orElseThrow(() -> new IOException(path + " needs learner '" + learnerId + "', which is not on the class path"));
        ModelArtifact artifact = new ModelArtifact(learnerId, m.path("payload_format").asText(), props, entries.get(MODEL));
        Map<String, String> info = new TreeMap<>();
        manifest.path("info").properties().forEach(e -> info.put(e.getKey(), e.getValue().asText()));
        return new AutoMlModel(target, transform, learner.load(artifact), config, info);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);   // reproducible files: same model, same bytes
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

}
