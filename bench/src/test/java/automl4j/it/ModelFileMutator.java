package automl4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deterministic mutations of a valid model file for {@link ModelFileFuzzTest}: the same base, kind and seed always give
 * the same bytes. Mutations of an entry's contents recompute its checksum, its declared size and the manifest digest,
 * so that the mutant gets past the integrity checks and reaches the featurizer and learner loaders.
 */
final class ModelFileMutator {
    /** The kinds of mutation, each applied to every base file in turn. */
    enum Kind {
        BIT_FLIPS, TRUNCATION, ENTRY_SWAP, ZIP_SIZE_FIELDS, HUGE_DECLARED_SIZE, MANIFEST_JSON, FEATURIZER_JSON,
        PAYLOAD_BYTES, PAYLOAD_JSON, PROPERTIES, EXTRA_ENTRY, PAYLOAD_REPLACED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFileMutator() {
    }

    /** The mutant of {@code base} by {@code kind} drawn from {@code seed}. */
    static byte[] mutate(byte[] base, Kind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        try {
            return switch (kind) {
                case BIT_FLIPS -> bitFlips(base, r);
                case TRUNCATION -> java.util.Arrays.copyOf(base, r.nextInt(base.length));
                case ZIP_SIZE_FIELDS -> sizeFields(base, r);
                default -> rezip(base, kind, r);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bitFlips(byte[] base, SplittableRandom r) {
        byte[] out = base.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = r.nextInt(out.length);
            out[at] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    /** Overwrites size, offset or name-length fields of local and central zip headers with random or extreme values. */
    private static byte[] sizeFields(byte[] base, SplittableRandom r) {
        byte[] out = base.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> fields = new ArrayList<>();   // {offset, width}
        for (int i = 0; i + 46 <= out.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50) {          // local header: compressed size, size, name length
                fields.add(new int[] {i + 18, 4});
                fields.add(new int[] {i + 22, 4});
                fields.add(new int[] {i + 26, 2});
            } else if (sig == 0x02014b50) {   // central header: sizes, name length, local header offset
                fields.add(new int[] {i + 20, 4});
                fields.add(new int[] {i + 24, 4});
                fields.add(new int[] {i + 28, 2});
                fields.add(new int[] {i + 42, 4});
            }
        }
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes && !fields.isEmpty(); c++) {
            int[] f = fields.get(r.nextInt(fields.size()));
            long[] extremes = {0, 1, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, r.nextInt(1 << 20)};
            long v = extremes[r.nextInt(extremes.length)];
            if (f[1] == 4) {
                b.putInt(f[0], (int) v);
            } else {
                b.putShort(f[0], (short) v);
            }
        }
        return out;
    }

    private static byte[] rezip(byte[] base, Kind kind, SplittableRandom r) throws IOException {
        Map<String, byte[]> entries = entries(base);
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        int version = manifest.path("format_version").asInt();
        List<String> names = new ArrayList<>(entries.keySet());
        List<String> contents = names.stream().filter(n -> !n.startsWith("manifest")).toList();
        List<String> payloads = contents.stream().filter(n -> n.endsWith(".bin")).toList();
        List<String> featurizers = contents.stream().filter(n -> n.endsWith(".json")).toList();
        boolean recompute = true;
        switch (kind) {
            case ENTRY_SWAP -> {
                recompute = r.nextBoolean();
                int a = r.nextInt(names.size());
                int c = r.nextInt(names.size());
                if (r.nextBoolean()) {   // swap contents
                    byte[] t = entries.get(names.get(a));
                    entries.put(names.get(a), entries.get(names.get(c)));
                    entries.put(names.get(c), t);
                } else {                 // swap order
                    String t = names.get(a);
                    names.set(a, names.get(c));
                    names.set(c, t);
                }
                if (!recompute) {
                    return zip(names, entries);
                }
            }
            case HUGE_DECLARED_SIZE -> {
                if (version < 3) {   // versions 1 and 2 declare no sizes: lie in the zip headers instead
                    return sizeFields(base, r);
                }
                String name = contents.get(r.nextInt(contents.size()));
                long[] sizes = {1L << 31, 1L << 40, -1, Long.MAX_VALUE, (1L << 29) + r.nextInt(1000), entries.get(name).length + 1L};
                long size = sizes[r.nextInt(sizes.length)];
                ((ObjectNode) manifest.path("entries").path(name)).put("size", size);
                entries.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                digest(entries, version);
                return zip(names, entries);
            }
            case MANIFEST_JSON -> {
                JsonNode mutated = mutateJson(manifest, r);
                entries.put("manifest.json", JSON.writeValueAsBytes(mutated));
                digest(entries, version);
                return zip(names, entries);
            }
            case FEATURIZER_JSON -> {
                String name = featurizers.get(r.nextInt(featurizers.size()));
                entries.put(name, JSON.writeValueAsBytes(mutateJson(JSON.readTree(entries.get(name)), r)));
            }
            case PAYLOAD_JSON -> {
                String name = payloads.get(r.nextInt(payloads.size()));
                byte[] data = entries.get(name);
                JsonNode parsed = json(data);   // Smile's payloads are JSON; XGBoost's UBJ and Tribuo's protobuf are not
                entries.put(name, parsed != null ? JSON.writeValueAsBytes(mutateJson(parsed, r)) : bytes(data, r));
            }
            case PAYLOAD_BYTES -> {
                String name = payloads.get(r.nextInt(payloads.size()));
                entries.put(name, bytes(entries.get(name), r));
            }
            case PAYLOAD_REPLACED -> {
                String name = payloads.get(r.nextInt(payloads.size()));
                int n = r.nextInt(4) == 0 ? 0 : r.nextInt(64);
                byte[] junk = new byte[n];
                for (int i = 0; i < n; i++) {
                    junk[i] = (byte) r.nextInt(256);
                }
                entries.put(name, junk);
            }
            case PROPERTIES -> {
                ArrayNode members = manifest.has("members") ? (ArrayNode) manifest.get("members") : null;
                ObjectNode props = (ObjectNode) (members != null ? members.get(r.nextInt(members.size())) : manifest.get("model"))
                        .get("properties");
                List<String> keys = new ArrayList<>();
                props.fieldNames().forEachRemaining(keys::add);
                String[] values = {"-1", "0", "2147483647", "NaN", "Infinity", "1e308", "", "x", "3", "-0", "99999999999",
                    "no\u001fyes\u001fmaybe", "regression", "multiclass"};
                String key = keys.get(r.nextInt(keys.size()));
                if (r.nextInt(5) == 0) {
                    props.remove(key);
                } else {
                    props.put(key, values[r.nextInt(values.length)]);
                }
                entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
                digest(entries, version);
                return zip(names, entries);
            }
            case EXTRA_ENTRY -> {
                if (r.nextBoolean()) {
                    String dup = contents.get(r.nextInt(contents.size()));
                    names.add(r.nextInt(names.size() + 1), dup);   // a duplicate name
                } else {
                    String extra = r.nextBoolean() ? "models/9.bin" : "../evil.txt";
                    entries.put(extra, new byte[1 + r.nextInt(100)]);
                    names.add(1 + r.nextInt(names.size()), extra);
                }
                return zip(names, entries);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        if (recompute) {
            sums(entries, manifest, version);
            digest(entries, version);
        }
        return zip(names, entries);
    }

    private static JsonNode json(byte[] data) {
        try {
            JsonNode n = JSON.readTree(data);
            return n != null && n.isContainerNode() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A JSON document with one node changed: a field removed, a value of another type, an extreme number, a long array. */
    static JsonNode mutateJson(JsonNode root, SplittableRandom r) {
        JsonNode copy = root.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        if (containers.isEmpty()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        JsonNode target = containers.get(r.nextInt(containers.size()));
        JsonNode[] replacements = {JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("x"),
            JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(Integer.MAX_VALUE),
            JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.numberNode(Long.MIN_VALUE),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.textNode("NaN")};
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(r.nextInt(keys.size()));
            if (r.nextInt(3) == 0) {
                o.remove(key);
            } else {
                o.set(key, replacements[r.nextInt(replacements.length)]);
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            switch (r.nextInt(4)) {
                case 0 -> a.remove(i);
                case 1 -> a.set(i, replacements[r.nextInt(replacements.length)]);
                case 2 -> a.add(a.get(i).deepCopy());
                default -> a.set(i, JsonNodeFactory.instance.numberNode(r.nextInt(2001) - 1000));
            }
        }
        return copy;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    /** Random bytes written over, inserted into or cut from a binary payload. */
    private static byte[] bytes(byte[] data, SplittableRandom r) {
        if (data.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        byte[] out = data.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                int n = 1 + r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> {
                int at = r.nextInt(out.length);
                int n = 1 + r.nextInt(Math.min(64, out.length - at));
                for (int i = 0; i < n; i++) {
                    out[at + i] = (byte) r.nextInt(256);
                }
            }
            case 2 -> out = java.util.Arrays.copyOf(data, r.nextInt(data.length));
            default -> {
                int at = r.nextInt(out.length);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(data, 0, at);
                int n = 1 + r.nextInt(16);
                for (int i = 0; i < n; i++) {
                    b.write(r.nextInt(256));
                }
                b.write(data, at, data.length - at);
                out = b.toByteArray();
            }
        }
        return out;
    }

    /** Recomputes every entry's checksum (and size, in version 3) in the manifest. */
    private static void sums(Map<String, byte[]> entries, ObjectNode manifest, int version) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith("manifest")) {
                continue;
            }
            if (version >= 3) {
                JsonNode listed = manifest.path("entries").path(e.getKey());
                if (listed instanceof ObjectNode o) {
                    o.put("size", e.getValue().length);
                    o.put("sha256", sha256(e.getValue()));
                }
            } else if (manifest.path("sha256") instanceof ObjectNode o && o.has(e.getKey())) {
                o.put(e.getKey(), sha256(e.getValue()));
            }
        }
        entries.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }

    /** Recomputes the manifest digest of a version-3 file. */
    private static void digest(Map<String, byte[]> entries, int version) {
        if (version >= 3) {
            entries.put("manifest.sha256", sha256(entries.get("manifest.json")).getBytes(StandardCharsets.US_ASCII));
        }
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(List<String> names, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                ZipEntry e = new ZipEntry(name);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(entries.get(name));
                zip.closeEntry();
            }
        } catch (java.util.zip.ZipException e) {
            // duplicate entry: ZipOutputStream refuses it, so write it by hand below
            return zipWithDuplicates(names, entries);
        }
        return bytes.toByteArray();
    }

    /** A zip whose entries may repeat a name: each entry written as its own one-entry zip, the local parts concatenated. */
    private static byte[] zipWithDuplicates(List<String> names, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(one)) {
                ZipEntry e = new ZipEntry(name);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(entries.get(name));
                zip.closeEntry();
            }
            byte[] b = one.toByteArray();
            int central = lastIndexOf(b, new byte[] {0x50, 0x4b, 0x01, 0x02});
            out.write(b, 0, central);   // local header, data and descriptor; ZipInputStream reads these only
        }
        out.write(new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return data.length;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
