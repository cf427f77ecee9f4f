package automl4j.export;

import automl4j.AutoMlModel;
import automl4j.data.Target;
import automl4j.data.TaskType;
import automl4j.featurize.Featurizers;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.space.Config;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The exported pipeline file: a zip holding {@code manifest.json} (format name and version, target, what the pipeline
 * is, library versions, its members with their weights, configs, featurizer and learner ids, and a SHA-256 of every
 * other entry), one {@code featurizers/N.json} per distinct fitted transform, and one {@code models/N.bin} per member
 * in the learner's own format (XGBoost UBJ, Tribuo protobuf, or documented JSON for Smile). A single model is a
 * pipeline of one member. No Java serialization anywhere, so loading a file never runs code from it. Version 1 files
 * (one {@code featurizer.json} and one {@code model.bin}) are still read.
 */
public final class PipelineBundle {
    /** Value of {@code format} in every manifest. */
    public static final String FORMAT = "automl4j-pipeline";
    /** The format version this code writes. */
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String V1_FEATURIZER = "featurizer.json";
    private static final String V1_MODEL = "model.bin";

    private PipelineBundle() {
    }

    /** Writes {@code model} to {@code path} atomically (a temporary file renamed into place). */
    public static void write(AutoMlModel model, Path path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("format_version", VERSION);
        manifest.put("automl4j_version", Versions.automl4j());
        manifest.put("java_version", System.getProperty("java.version"));
        ObjectNode target = manifest.putObject("target");
        target.put("name", model.target().name());
        target.put("task", model.target().task().label());
        target.putPOJO("classes", model.target().classes());
        ConfigJson.write(manifest.putObject("config"), model.config());
        Map<FittedTransform, Integer> transforms = new IdentityHashMap<>();
        ArrayNode featurizers = manifest.putArray("featurizers");
        ArrayNode members = manifest.putArray("members");
        for (AutoMlModel.Member member : model.members()) {
            Integer index = transforms.get(member.transform());
            if (index == null) {
                index = transforms.size();
                transforms.put(member.transform(), index);
                String entry = "featurizers/" + index + ".json";
                entries.put(entry, member.transform().export());
                featurizers.addObject().put("featurizer", member.transform().featurizerId()).put("entry", entry);
            }
            ModelArtifact artifact = member.model().export();
            String entry = "models/" + members.size() + ".bin";
            entries.put(entry, artifact.payload());
            ObjectNode m = members.addObject();
            m.put("weight", member.weight());
            ConfigJson.write(m.putObject("config"), member.config());
            m.put("featurizer", index);
            m.put("learner", artifact.learnerId());
            m.put("payload_format", artifact.format());
            m.put("entry", entry);
            ObjectNode props = m.putObject("properties");
            artifact.properties().forEach(props::put);
        }
        manifest.putPOJO("info", new TreeMap<>(model.info()));
        ObjectNode sums = manifest.putObject("sha256");
        entries.forEach((name, data) -> sums.put(name, sha256(data)));
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Not Files.createTempFile: that makes the file readable by its owner only (issue 14); this one gets the umask.
        Path tmp = automl4j.internal.AtomicFiles.tempBeside(path);
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a pipeline file; the featurizers and learners named in it must be on the class path.
     *
     * @throws IOException if the file cannot be read, is not a pipeline file, has an unknown format version, or an
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
        if (version != 1 && version != VERSION) {
            throw new IOException(path + " has pipeline format version " + version + ", but this AutoML4J reads versions 1 to "
                    + VERSION);
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
        Config config = ConfigJson.read(manifest.path("config"));
        Map<String, String> info = new TreeMap<>();
        manifest.path("info").properties().forEach(e -> info.put(e.getKey(), e.getValue().asText()));
        if (version == 1) {
            FittedTransform transform = Featurizers.forId(manifest.path("featurizer").asText()).load(entries.get(V1_FEATURIZER));
            JsonNode m = manifest.path("model");
            return new AutoMlModel(target, transform, loadModel(path, m.path("learner").asText(),
                    m.path("payload_format").asText(), m.path("properties"), entries.get(V1_MODEL)), config, info);
        }
        List<FittedTransform> transforms = new ArrayList<>();
        for (JsonNode f : manifest.path("featurizers")) {
            transforms.add(Featurizers.forId(f.path("featurizer").asText()).load(require(path, entries, f.path("entry").asText())));
        }
        List<AutoMlModel.Member> members = new ArrayList<>();
        for (JsonNode m : manifest.path("members")) {
            int index = m.path("featurizer").asInt(-1);
            if (index < 0 || index >= transforms.size()) {
                throw new IOException(path + ": member " + members.size() + " names featurizer " + index + ", but the file has "
                        + transforms.size());
            }
            members.add(new AutoMlModel.Member(transforms.get(index), loadModel(path, m.path("learner").asText(),
                    m.path("payload_format").asText(), m.path("properties"), require(path, entries, m.path("entry").asText())),
                    ConfigJson.read(m.path("config")), m.path("weight").asDouble()));
        }
        if (members.isEmpty()) {
            throw new IOException(path + " lists no model in its manifest");
        }
        return new AutoMlModel(target, members, config, info);
    }

    private static FittedModel loadModel(Path path, String learnerId, String format, JsonNode properties, byte[] payload)
            throws IOException {
        Map<String, String> props = new TreeMap<>();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            props.put(p.getKey(), p.getValue().asText());
        }
        // The baseline is not a service (the search must never propose it), so it is found by its id (issue 14).
        Learner learner = automl4j.learn.BaselineLearner.ID.equals(learnerId) ? new automl4j.learn.BaselineLearner()
                : Learners.discovered().stream().filter(l -> l.id().equals(learnerId)).findFirst()
                        .orElseThrow(() -> new IOException(path + " needs learner '" + learnerId + "', which is not on the class path"));
        return learner.load(new ModelArtifact(learnerId, format, props, payload));
    }

    private static byte[] require(Path path, Map<String, byte[]> entries, String name) throws IOException {
        byte[] data = entries.get(name);
        if (data == null) {
            throw new IOException(path + ": entry '" + name + "' named in the manifest is missing; the file is damaged");
        }
        return data;
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
