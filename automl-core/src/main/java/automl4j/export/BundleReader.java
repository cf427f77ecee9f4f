package automl4j.export;

import static automl4j.export.ManifestFields.array;
import static automl4j.export.ManifestFields.integer;
import static automl4j.export.ManifestFields.number;
import static automl4j.export.ManifestFields.object;
import static automl4j.export.ManifestFields.text;
import static automl4j.export.ManifestFields.textMap;
import static automl4j.export.ManifestFields.texts;

import automl4j.data.Target;
import automl4j.data.Tasks;
import automl4j.featurize.Featurizer;
import automl4j.featurize.Featurizers;
import automl4j.featurize.FittedTransform;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.pipeline.Pipeline;
import automl4j.pipeline.Stack;
import automl4j.space.Config;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads one pipeline file, trusting nothing in it: the manifest first under its own limit, then only the entries it
 * names, each under its limit and checked against its SHA-256, then each payload through its featurizer or learner,
 * turning every failure into one {@link ModelFileException} naming the file and the entry.
 */
final class BundleReader {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String V1_FEATURIZER = "featurizer.json";
    private static final String V1_MODEL = "model.bin";

    private final Path path;

    /** What the manifest says of one entry: its size limit, its exact size (-1: not declared) and its SHA-256. */
    private record Expected(long limit, long size, String sha256) {
    }

    BundleReader(Path path) {
        this.path = path;
    }

    Pipeline read() throws ModelFileException {
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry first = zip.getNextEntry();
            if (first == null) {
                throw fail(null, "is not an AutoML4J model file: it is not a zip file or holds no entries", null);
            }
            if (!first.getName().equals(PipelineBundle.MANIFEST)) {
                throw fail(null, "is not an AutoML4J model file: its first entry is '" + shorten(first.getName()) + "', not "
                        + PipelineBundle.MANIFEST, null);
            }
            byte[] manifestBytes = entry(zip, PipelineBundle.MANIFEST, BundleLimits.MANIFEST).data();
            JsonNode manifest = parseManifest(manifestBytes);
            int version = version(manifest);
            if (version >= 3) {
                checkManifestDigest(zip, manifestBytes);
            }
            Map<String, Expected> expected = inManifest(() -> expectedEntries(manifest, version));
            Map<String, byte[]> entries = readEntries(zip, expected);
            return build(manifest, version, entries);
        } catch (ModelFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw fail(null, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw fail(null, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw fail(null, "cannot be read as a zip file: " + problem(e), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(null, "cannot be read as a zip file: " + problem(e), e);
        }
    }

    private JsonNode parseManifest(byte[] bytes) throws ModelFileException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw fail(PipelineBundle.MANIFEST, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw fail(PipelineBundle.MANIFEST, "is not valid JSON: " + problem(e), e);
        }
        if (manifest == null || !manifest.isObject()) {
            throw fail(PipelineBundle.MANIFEST, "must hold a JSON object", null);
        }
        if (!PipelineBundle.FORMAT.equals(manifest.path("format").asText())) {
            throw fail(null, "is not an AutoML4J model file: its manifest's format is "
                    + ManifestFields.describe(manifest.path("format")) + ", not " + PipelineBundle.FORMAT, null);
        }
        return manifest;
    }

    private int version(JsonNode manifest) throws ModelFileException {
        JsonNode v = manifest.path("format_version");
        if (!v.isInt() || v.asInt() < 1 || v.asInt() > PipelineBundle.VERSION) {
            throw fail(null, "has pipeline format version " + ManifestFields.describe(v) + ", but this AutoML4J reads versions 1 to "
                    + PipelineBundle.VERSION, null);
        }
        return v.asInt();
    }

    private void checkManifestDigest(ZipInputStream zip, byte[] manifestBytes) throws IOException {
        ZipEntry e = zip.getNextEntry();
        if (e == null || !e.getName().equals(PipelineBundle.MANIFEST_DIGEST)) {
            throw fail(PipelineBundle.MANIFEST_DIGEST, "is missing: a version-3 file has it right after "
                    + PipelineBundle.MANIFEST, null);
        }
        String digest = new String(entry(zip, PipelineBundle.MANIFEST_DIGEST, BundleLimits.MANIFEST_DIGEST).data(),
                StandardCharsets.US_ASCII);
        if (!digest.equals(PipelineBundle.sha256(manifestBytes))) {
            throw fail(PipelineBundle.MANIFEST, "does not match its SHA-256 in " + PipelineBundle.MANIFEST_DIGEST
                    + "; the file is damaged", null);
        }
    }

    /** The entries the manifest uses, each with its limit and checksum; the checksums must cover exactly those. */
    private Map<String, Expected> expectedEntries(JsonNode manifest, int version) {
        List<String> used = new ArrayList<>();
        if (version == 1) {
            used.add(V1_FEATURIZER);
            used.add(V1_MODEL);
        } else {
            JsonNode featurizers = array(manifest, "", "featurizers", BundleLimits.MEMBERS);
            for (int i = 0; i < featurizers.size(); i++) {
                used.add(text(featurizers.get(i), "featurizers[" + i + "]", "entry"));
            }
            JsonNode members = array(manifest, "", "members", BundleLimits.MEMBERS);
            for (int i = 0; i < members.size(); i++) {
                used.add(text(members.get(i), "members[" + i + "]", "entry"));
            }
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        String sums = version >= 3 ? "entries" : "sha256";
        JsonNode listed = object(manifest, "", sums);
        long total = 0;
        for (String name : used) {
            if (name.equals(PipelineBundle.MANIFEST) || name.equals(PipelineBundle.MANIFEST_DIGEST) || expected.containsKey(name)) {
                throw new IllegalArgumentException("entry '" + shorten(name) + "' is named twice");
            }
            JsonNode sum = listed.get(name);
            if (sum == null) {
                throw new IllegalArgumentException(sums + " has no checksum for entry '" + shorten(name) + "'");
            }
            String where = sums + "." + shorten(name);
            long size = -1;
            String sha;
            if (version >= 3) {
                size = integer(sum, where, "size", 0, BundleLimits.ENTRY);
                sha = text(sum, where, "sha256");
                total += size;
            } else {
                sha = text(listed, sums, name);
            }
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + " must be 64 lower-case hex digits, but was " + ManifestFields.describe(
                        version >= 3 ? sum.get("sha256") : sum));
            }
            expected.put(name, new Expected(size >= 0 ? size : BundleLimits.ENTRY, size, sha));
        }
        if (total > BundleLimits.TOTAL) {
            throw new IllegalArgumentException(sums + " declares " + total + " bytes in all, over the limit of " + BundleLimits.TOTAL);
        }
        for (Map.Entry<String, JsonNode> e : listed.properties()) {
            if (!expected.containsKey(e.getKey())) {
                throw new IllegalArgumentException(sums + " lists entry '" + shorten(e.getKey()) + "', which no featurizer or member uses");
            }
        }
        return expected;
    }

    private Map<String, byte[]> readEntries(ZipInputStream zip, Map<String, Expected> expected) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            String name = e.getName();
            Expected x = expected.get(name);
            if (entries.containsKey(name)) {
                throw fail(shorten(name), "appears twice in the zip", null);
            }
            if (x == null) {
                throw fail(shorten(name), "is not named in the manifest", null);
            }
            BundleEntries.Read read = entry(zip, name, Math.min(x.limit(), BundleLimits.TOTAL - total));
            total += read.data().length;
            if (x.size() >= 0 && read.data().length != x.size()) {
                throw fail(name, "has " + read.data().length + " bytes, but the manifest declares " + x.size(), null);
            }
            if (!read.sha256().equals(x.sha256())) {
                throw fail(name, "does not match its SHA-256; the file is damaged", null);
            }
            entries.put(name, read.data());
        }
        for (String name : expected.keySet()) {
            if (!entries.containsKey(name)) {
                throw fail(shorten(name), "named in the manifest is missing; the file is damaged", null);
            }
        }
        return entries;
    }

    private BundleEntries.Read entry(ZipInputStream zip, String name, long limit) throws ModelFileException {
        try {
            return BundleEntries.read(zip, limit);
        } catch (BundleEntries.TooLarge e) {
            throw fail(shorten(name), e.getMessage() + " when inflated, over its limit", e);
        } catch (IOException | RuntimeException e) {
            throw fail(shorten(name), "cannot be inflated: " + problem(e), e);
        } catch (OutOfMemoryError e) {   // within the limits, but more than this JVM's heap holds
            throw fail(shorten(name), "does not fit in this JVM's memory (raise -Xmx)", null);
        }
    }

    private Pipeline build(JsonNode manifest, int version, Map<String, byte[]> entries) throws ModelFileException {
        Target target = inManifest(() -> target(manifest));
        Config config = inManifest(() -> ConfigJson.read(object(manifest, "", "config")));
        Map<String, String> info = inManifest(() -> textMap(manifest, "", "info"));
        List<Pipeline.Member> members = new ArrayList<>();
        if (version == 1) {
            String featurizer = inManifest(() -> text(manifest, "", "featurizer"));
            FittedTransform t = transform(featurizer, V1_FEATURIZER, entries.get(V1_FEATURIZER));
            JsonNode m = inManifest(() -> object(manifest, "", "model"));
            members.add(new Pipeline.Member(t, model(m, "model", V1_MODEL, entries.get(V1_MODEL), target), config, 1.0));
        } else {
            JsonNode fs = manifest.get("featurizers");
            List<FittedTransform> transforms = new ArrayList<>();
            for (int i = 0; i < fs.size(); i++) {
                JsonNode f = fs.get(i);
                String where = "featurizers[" + i + "]";
                String entry = f.get("entry").asText();
                transforms.add(transform(inManifest(() -> text(f, where, "featurizer")), entry, entries.get(entry)));
            }
            JsonNode ms = manifest.get("members");
            if (ms.size() == 0) {
                throw fail(PipelineBundle.MANIFEST, "lists no model in members", null);
            }
            for (int i = 0; i < ms.size(); i++) {
                JsonNode m = ms.get(i);
                String where = "members[" + i + "]";
                int index = (int) (long) inManifest(() -> integer(m, where, "featurizer", 0, transforms.size() - 1L));
                double weight = inManifest(() -> number(m, where, "weight"));
                Config memberConfig = inManifest(() -> ConfigJson.read(object(m, where, "config")));
                String entry = m.get("entry").asText();
                FittedModel model = model(m, where, entry, entries.get(entry), target);
                members.add(inManifest(() -> new Pipeline.Member(transforms.get(index), model, memberConfig, weight)));
            }
        }
        Stack stack = version >= 4 && manifest.has("stack") ? inManifest(() -> stack(manifest)) : null;
        automl4j.pipeline.DecisionThreshold decision = version >= 5 && manifest.has("decision") ? inManifest(() -> decision(manifest)) : null;
        return inManifest(() -> new Pipeline(target, members, config, info, stack, decision));
    }

    /** A binary model's decision threshold (format version 5). */
    private static automl4j.pipeline.DecisionThreshold decision(JsonNode manifest) {
        JsonNode d = object(manifest, "", "decision");
        return new automl4j.pipeline.DecisionThreshold(number(d, "decision", "threshold"), text(d, "decision", "chosen_for"));
    }

    /** The level-2 model of a stacked ensemble (format version 4). */
    private static Stack stack(JsonNode manifest) {
        JsonNode st = object(manifest, "", "stack");
        double scale = number(st, "stack", "scale");
        JsonNode bias = st.get("bias");
        if (bias == null || !bias.isArray() || bias.size() == 0 || bias.size() > (1 << 16)) {
            throw new IllegalArgumentException("stack.bias must be a non-empty array of numbers");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < bias.size(); i++) {
            if (!bias.get(i).isNumber() || !Double.isFinite(bias.get(i).asDouble())) {
                throw new IllegalArgumentException("stack.bias[" + i + "] must be a finite number");
            }
            values.add(bias.get(i).asDouble());
        }
        return new Stack(scale, values);
    }

    private static Target target(JsonNode manifest) {
        JsonNode t = object(manifest, "", "target");
        String task = text(t, "target", "task");
        return new Target(text(t, "target", "name"), Tasks.of(task, texts(t, "target", "classes", 1 << 16)));
    }

    private FittedTransform transform(String featurizerId, String entry, byte[] data) throws ModelFileException {
        Featurizer featurizer = Featurizers.discovered().stream().filter(f -> f.id().equals(featurizerId)).findFirst()
                .orElseThrow(() -> fail(null, "needs featurizer '" + shorten(featurizerId) + "', which is not on the class path", null));
        try {
            return featurizer.load(data);
        } catch (ModelFileException e) {   // unchecked now: already names the file
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(entry + " (" + featurizerId + ")", problem(e), e);
        }
    }

    private FittedModel model(JsonNode m, String where, String entry, byte[] payload, Target target) throws ModelFileException {
        String learnerId = inManifest(() -> text(m, where, "learner"));
        String format = inManifest(() -> text(m, where, "payload_format"));
        Map<String, String> props = inManifest(() -> textMap(m, where, "properties"));
        for (Map.Entry<String, String> t : ArtifactTargets.of(target).entrySet()) {
            // Where a member records its target, it must be the manifest's: an ensemble's members must agree on the classes.
            if (props.containsKey(t.getKey()) && !t.getValue().equals(props.get(t.getKey()))) {
                throw fail(PipelineBundle.MANIFEST, where + ".properties." + t.getKey() + " must match the manifest's target", null);
            }
        }
        // The baseline is not a service (the search must never propose it), so it is found by its id (issue 14).
        Learner learner = automl4j.learn.BaselineLearner.ID.equals(learnerId) ? new automl4j.learn.BaselineLearner()
                : Learners.discovered().stream().filter(l -> l.id().equals(learnerId)).findFirst()
                        .orElseThrow(() -> fail(null, "needs learner '" + shorten(learnerId) + "', which is not on the class path", null));
        FittedModel model;
        try {
            model = learner.load(new ModelArtifact(learnerId, format, props, payload));
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(entry + " (" + learnerId + ")", problem(e), e);
        }
        return model;
    }

    /** Runs a step that reads the manifest, turning its complaint into one about {@code manifest.json}. */
    private <T> T inManifest(Step<T> step) throws ModelFileException {
        try {
            return step.run();
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(PipelineBundle.MANIFEST, problem(e), e);
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run();
    }

    private ModelFileException fail(String entry, String problem, Throwable cause) {
        return new ModelFileException(path, entry, problem, cause);
    }

    /** The first line of an exception's message, without a class-name prefix; its type when it has none. */
    static String problem(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = m.strip().lines().findFirst().orElse("").strip();
        line = line.replaceFirst("^([a-z]+\\.)+[A-Za-z]*(Exception|Error): ", "");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String shorten(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }
}
