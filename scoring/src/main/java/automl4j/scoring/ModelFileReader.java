package automl4j.scoring;

import static automl4j.scoring.Fields.array;
import static automl4j.scoring.Fields.integer;
import static automl4j.scoring.Fields.number;
import static automl4j.scoring.Fields.object;
import static automl4j.scoring.Fields.text;
import static automl4j.scoring.Fields.textMap;
import static automl4j.scoring.Fields.texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads one model file, trusting nothing in it: a port of the engine's {@code automl4j.export.BundleReader} up to the
 * point where it hands payloads to featurizers and learners. The checks, their order and their messages are the
 * engine's, so that a file this reader accepts is one the engine accepts (payload checks aside).
 */
final class ModelFileReader {
    static final String FORMAT = "automl4j-pipeline";
    /** The newest format version read. */
    static final int VERSION = 5;
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_DIGEST = "manifest.sha256";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String V1_FEATURIZER = "featurizer.json";
    private static final String V1_MODEL = "model.bin";

    private final String name;

    /** What the manifest says of one entry: its size limit, its exact size (-1: not declared) and its SHA-256. */
    private record Expected(long limit, long size, String sha256) {
    }

    ModelFileReader(String name) {
        this.name = name;
    }

    ModelFile read(InputStream in) throws ModelFileException {
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry first = zip.getNextEntry();
            if (first == null) {
                throw fail(null, "is not an AutoML4J model file: it is not a zip file or holds no entries", null);
            }
            if (!first.getName().equals(MANIFEST)) {
                throw fail(null, "is not an AutoML4J model file: its first entry is '" + shorten(first.getName()) + "', not " + MANIFEST, null);
            }
            byte[] manifestBytes = entry(zip, MANIFEST, Limits.MANIFEST).data();
            JsonNode json = parseManifest(manifestBytes);
            int version = version(json);
            if (version >= 3) {
                checkManifestDigest(zip, manifestBytes);
            }
            Map<String, Expected> expected = inManifest(() -> expectedEntries(json, version));
            Map<String, byte[]> entries = readEntries(zip, expected);
            Manifest manifest = inManifest(() -> manifest(json, version));
            return new ModelFile(name, manifest, entries);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw fail(null, "cannot be read as a zip file: " + problem(e), e);
        }
    }

    private JsonNode parseManifest(byte[] bytes) throws ModelFileException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw fail(MANIFEST, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw fail(MANIFEST, "is not valid JSON: " + problem(e), e);
        }
        if (manifest == null || !manifest.isObject()) {
            throw fail(MANIFEST, "must hold a JSON object", null);
        }
        if ("automl4j-forecast".equals(manifest.path("format").asText())) {
            throw fail(null, "is a forecast model (format automl4j-forecast): the scoring library and the scoring server score "
                    + "tabular models; forecast with it by automl predict --model FILE --data history.csv, or ForecastModel.load "
                    + "in Java", null);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw fail(null, "is not an AutoML4J model file: its manifest's format is " + Fields.describe(manifest.path("format"))
                    + ", not " + FORMAT, null);
        }
        return manifest;
    }

    private int version(JsonNode manifest) throws ModelFileException {
        JsonNode v = manifest.path("format_version");
        if (!v.isInt() || v.asInt() < 1 || v.asInt() > VERSION) {
            throw fail(null, "has pipeline format version " + Fields.describe(v) + ", but this AutoML4J scoring reads versions 1 to "
                    + VERSION, null);
        }
        return v.asInt();
    }

    private void checkManifestDigest(ZipInputStream zip, byte[] manifestBytes) throws IOException {
        ZipEntry e = zip.getNextEntry();
        if (e == null || !e.getName().equals(MANIFEST_DIGEST)) {
            throw fail(MANIFEST_DIGEST, "is missing: a version-3 file has it right after " + MANIFEST, null);
        }
        String digest = new String(entry(zip, MANIFEST_DIGEST, Limits.MANIFEST_DIGEST).data(), StandardCharsets.US_ASCII);
        if (!digest.equals(HexFormat.of().formatHex(Entries.sha256().digest(manifestBytes)))) {
            throw fail(MANIFEST, "does not match its SHA-256 in " + MANIFEST_DIGEST + "; the file is damaged", null);
        }
    }

    /** The entries the manifest uses, each with its limit and checksum; the checksums must cover exactly those. */
    private Map<String, Expected> expectedEntries(JsonNode manifest, int version) {
        List<String> used = new ArrayList<>();
        if (version == 1) {
            used.add(V1_FEATURIZER);
            used.add(V1_MODEL);
        } else {
            JsonNode featurizers = array(manifest, "", "featurizers", Limits.MEMBERS);
            for (int i = 0; i < featurizers.size(); i++) {
                used.add(text(featurizers.get(i), "featurizers[" + i + "]", "entry"));
            }
            JsonNode members = array(manifest, "", "members", Limits.MEMBERS);
            for (int i = 0; i < members.size(); i++) {
                used.add(text(members.get(i), "members[" + i + "]", "entry"));
            }
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        String sums = version >= 3 ? "entries" : "sha256";
        JsonNode listed = object(manifest, "", sums);
        long total = 0;
        for (String entry : used) {
            if (entry.equals(MANIFEST) || entry.equals(MANIFEST_DIGEST) || expected.containsKey(entry)) {
                throw new IllegalArgumentException("entry '" + shorten(entry) + "' is named twice");
            }
            JsonNode sum = listed.get(entry);
            if (sum == null) {
                throw new IllegalArgumentException(sums + " has no checksum for entry '" + shorten(entry) + "'");
            }
            String where = sums + "." + shorten(entry);
            long size = -1;
            String sha;
            if (version >= 3) {
                size = integer(sum, where, "size", 0, Limits.ENTRY);
                sha = text(sum, where, "sha256");
                total += size;
            } else {
                sha = text(listed, sums, entry);
            }
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + " must be 64 lower-case hex digits, but was "
                        + Fields.describe(version >= 3 ? sum.get("sha256") : sum));
            }
            expected.put(entry, new Expected(size >= 0 ? size : Limits.ENTRY, size, sha));
        }
        if (total > Limits.TOTAL) {
            throw new IllegalArgumentException(sums + " declares " + total + " bytes in all, over the limit of " + Limits.TOTAL);
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
            String entry = e.getName();
            Expected x = expected.get(entry);
            if (entries.containsKey(entry)) {
                throw fail(shorten(entry), "appears twice in the zip", null);
            }
            if (x == null) {
                throw fail(shorten(entry), "is not named in the manifest", null);
            }
            Entries.Read read = entry(zip, entry, Math.min(x.limit(), Limits.TOTAL - total));
            total += read.data().length;
            if (x.size() >= 0 && read.data().length != x.size()) {
                throw fail(entry, "has " + read.data().length + " bytes, but the manifest declares " + x.size(), null);
            }
            if (!read.sha256().equals(x.sha256())) {
                throw fail(entry, "does not match its SHA-256; the file is damaged", null);
            }
            entries.put(entry, read.data());
        }
        for (String entry : expected.keySet()) {
            if (!entries.containsKey(entry)) {
                throw fail(shorten(entry), "named in the manifest is missing; the file is damaged", null);
            }
        }
        return entries;
    }

    private Entries.Read entry(ZipInputStream zip, String entry, long limit) throws ModelFileException {
        try {
            return Entries.read(zip, limit);
        } catch (Entries.TooLarge e) {
            throw fail(shorten(entry), e.getMessage() + " when inflated, over its limit", e);
        } catch (IOException | RuntimeException e) {
            throw fail(shorten(entry), "cannot be inflated: " + problem(e), e);
        } catch (OutOfMemoryError e) {   // within the limits, but more than this JVM's heap holds
            throw fail(shorten(entry), "does not fit in this JVM's memory (raise -Xmx)", null);
        }
    }

    /** The checked manifest; its entries were already checked by {@link #expectedEntries}. */
    private static Manifest manifest(JsonNode json, int version) {
        JsonNode t = object(json, "", "target");
        String task = text(t, "target", "task").trim().toLowerCase(Locale.ROOT);
        List<String> classes = texts(t, "target", "classes", 1 << 16);
        checkTask(task, classes);
        Manifest.Target target = new Manifest.Target(text(t, "target", "name"), task, classes);
        object(json, "", "config");
        Map<String, String> info = textMap(json, "", "info");
        List<Manifest.Featurizer> featurizers = new ArrayList<>();
        List<Manifest.Member> members = new ArrayList<>();
        if (version == 1) {
            featurizers.add(new Manifest.Featurizer(text(json, "", "featurizer"), V1_FEATURIZER));
            members.add(member(object(json, "", "model"), "model", target, 1.0, 0, V1_MODEL));
        } else {
            JsonNode fs = json.get("featurizers");
            for (int i = 0; i < fs.size(); i++) {
                featurizers.add(new Manifest.Featurizer(text(fs.get(i), "featurizers[" + i + "]", "featurizer"), fs.get(i).get("entry").asText()));
            }
            JsonNode ms = json.get("members");
            if (ms.size() == 0) {
                throw new IllegalArgumentException("lists no model in members");
            }
            for (int i = 0; i < ms.size(); i++) {
                JsonNode m = ms.get(i);
                String where = "members[" + i + "]";
                int index = (int) integer(m, where, "featurizer", 0, featurizers.size() - 1L);
                double weight = number(m, where, "weight");
                object(m, where, "config");
                members.add(member(m, where, target, weight, index, m.get("entry").asText()));
            }
        }
        Optional<Manifest.Stack> stack = version >= 4 && json.has("stack") ? Optional.of(stack(json)) : Optional.empty();
        Optional<Manifest.Decision> decision = Optional.empty();
        if (version >= 5 && json.has("decision")) {
            JsonNode d = object(json, "", "decision");
            double threshold = number(d, "decision", "threshold");
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("decision.threshold must be in (0, 1), but was " + threshold);
            }
            if (classes.size() != 2) {
                throw new IllegalArgumentException("a decision threshold needs a binary target, but '" + target.name() + "' has "
                        + classes.size() + " classes");
            }
            decision = Optional.of(new Manifest.Decision(threshold, text(d, "decision", "chosen_for")));
        }
        String written = json.path("automl4j_version").isTextual() ? json.get("automl4j_version").asText() : "";
        return new Manifest(version, written, target, featurizers, members, stack, decision, info);
    }

    // As the engine's Tasks.of: the label names the task, the classes must fit it.
    private static void checkTask(String task, List<String> classes) {
        switch (task) {
            case "regression" -> {
                if (!classes.isEmpty()) {
                    throw new IllegalArgumentException("a regression target has no classes, but was given " + classes);
                }
            }
            case "binary", "multiclass" -> {
                if (task.equals("binary") && classes.size() != 2) {
                    throw new IllegalArgumentException("a binary target needs exactly 2 classes, but had " + classes.size());
                }
                if (classes.size() < 2) {
                    throw new IllegalArgumentException("a " + task + " target needs at least 2 classes, but had " + classes);
                }
            }
            default -> throw new IllegalArgumentException("task must be one of [binary, multiclass, regression], but was '" + task + "'");
        }
    }

    private static Manifest.Member member(JsonNode m, String where, Manifest.Target target, double weight, int featurizer, String entry) {
        String learner = text(m, where, "learner");
        String format = text(m, where, "payload_format");
        Map<String, String> props = textMap(m, where, "properties");
        // Where a member records its target, it must be the manifest's (the engine's ArtifactTargets).
        for (Map.Entry<String, String> t : targetProperties(target).entrySet()) {
            if (props.containsKey(t.getKey()) && !t.getValue().equals(props.get(t.getKey()))) {
                throw new IllegalArgumentException(where + ".properties." + t.getKey() + " must match the manifest's target");
            }
        }
        return new Manifest.Member(weight, featurizer, learner, format, entry, props);
    }

    /** The properties a learner's artifact records its target under, as the engine's ArtifactTargets writes them. */
    static Map<String, String> targetProperties(Manifest.Target target) {
        // A unit separator delimits class labels there: it cannot occur in a CSV label typed by a person.
        return Map.of("task", target.task(), "target", target.name(), "classes", String.join("\u001f", target.classes()));
    }

    private static Manifest.Stack stack(JsonNode json) {
        JsonNode st = object(json, "", "stack");
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
        return new Manifest.Stack(scale, values);
    }

    /** Runs a step that reads the manifest, turning its complaint into one about {@code manifest.json}. */
    private <T> T inManifest(Supplier<T> step) throws ModelFileException {
        try {
            return step.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(MANIFEST, problem(e), e);
        }
    }

    private ModelFileException fail(String entry, String problem, Throwable cause) {
        return new ModelFileException(name, entry, problem, cause);
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

    private static String shorten(String entry) {
        String printable = entry.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }
}
