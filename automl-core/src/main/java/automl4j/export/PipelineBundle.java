package automl4j.export;

import automl4j.featurize.FittedTransform;
import automl4j.learn.ModelArtifact;
import automl4j.pipeline.Pipeline;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The exported pipeline file: a zip holding {@code manifest.json} (format name and version, target, what the pipeline
 * is, library versions, its members with their weights, configs, featurizer and learner ids, and the size and SHA-256
 * of every other entry), {@code manifest.sha256} (the SHA-256 of the manifest), one {@code featurizers/N.json} per
 * distinct fitted transform, and one {@code models/N.bin} per member in the learner's own format (XGBoost UBJ, Tribuo
 * protobuf, or documented JSON for Smile). A single model is a pipeline of one member. No Java serialization anywhere,
 * so loading a file never runs code from it. Version 1 files (one {@code featurizer.json} and one {@code model.bin})
 * and version 2 files (no sizes, no manifest digest) are still read.
 */
public final class PipelineBundle {
    /** Value of {@code format} in every manifest. */
    public static final String FORMAT = "automl4j-pipeline";
    /**
     * The newest format version this code writes and reads: version 4 adds a stacked ensemble's level-2 model, version 5
     * a binary model's decision threshold.
     */
    public static final int VERSION = 5;
    /** The version written for a pipeline with a stack and no decision threshold. */
    static final int VERSION_WITH_STACK = 4;
    /**
     * The version written for a pipeline without a stack: version 3, so that a reader from before stacking still reads
     * every file that it can predict correctly.
     */
    static final int VERSION_WITHOUT_STACK = 3;
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_DIGEST = "manifest.sha256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineBundle() {
    }

    /** Writes {@code model} to {@code path} atomically (a temporary file renamed into place). */
    public static void write(Pipeline model, Path path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        // The oldest version that says everything this pipeline needs, so that older readers read what they can predict
        // correctly and refuse the rest.
        manifest.put("format_version", model.decision().isPresent() ? VERSION
                : model.stack().isPresent() ? VERSION_WITH_STACK : VERSION_WITHOUT_STACK);
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
        for (Pipeline.Member member : model.members()) {
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
        model.stack().ifPresent(stack -> {
            ObjectNode st = manifest.putObject("stack");
            st.put("scale", stack.scale());
            ArrayNode bias = st.putArray("bias");
            stack.bias().forEach(bias::add);
        });
        model.decision().ifPresent(d -> manifest.putObject("decision").put("threshold", d.threshold()).put("chosen_for", d.chosenFor()));
        manifest.putPOJO("info", new TreeMap<>(model.info()));
        ObjectNode listed = manifest.putObject("entries");
        entries.forEach((name, data) -> listed.putObject(name).put("size", data.length).put("sha256", sha256(data)));
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Not Files.createTempFile: that makes the file readable by its owner only (issue 14); this one gets the umask.
        Path tmp = automl4j.internal.AtomicFiles.tempBeside(path);
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, manifestBytes);
            put(zip, MANIFEST_DIGEST, sha256(manifestBytes).getBytes(StandardCharsets.US_ASCII));
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
     * Reads a pipeline file of format version 1 to 5; the featurizers and learners named in it must be on the class
     * path. Safe for files from anyone: only the entries the manifest names are read, each under a size limit counted
     * while inflating, every entry must match its SHA-256, and every payload is checked before a library sees it.
     *
     * @throws ModelFileException for every problem of the file, naming the file, the entry and what is wrong
     */
    public static Pipeline read(Path path) throws ModelFileException {
        return new BundleReader(path).read();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);   // reproducible files: same model, same bytes
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(BundleEntries.sha256().digest(data));
    }

}
