package automl4j.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The OCI image Jib wrote to {@code target/jib-image.tar}, read as a registry or an engine would: the index, the
 * manifest, the config, and the entries of every layer with their modes.
 */
final class ImageTar {
    static final Path FILE = Path.of("target", "jib-image.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> blobs;
    final JsonNode config;
    final JsonNode manifest;

    private ImageTar(Map<String, byte[]> blobs) throws IOException {
        this.blobs = blobs;
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        manifest = JSON.readTree(blob(index.path("manifests").get(0).path("digest").asText()));
        config = JSON.readTree(blob(manifest.path("config").path("digest").asText()));
    }

    static ImageTar read() throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(FILE)) {
            Tar.forEach(in, (name, mode, data) -> entries.put(name, data));
        }
        return new ImageTar(entries);
    }

    private byte[] blob(String digest) {
        return blobs.get("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    /** Every file of every layer: path (without a leading slash) to its permission bits (the type bits masked off). */
    Map<String, Integer> files() throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode layer : manifest.path("layers")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(blob(layer.path("digest").asText())))) {
                Tar.forEach(in, (name, mode, data) -> out.put(name.startsWith("./") ? name.substring(2) : name, mode & 07777));
            }
        }
        return out;
    }

    /** The layers' sizes in bytes, compressed, in order. */
    List<Long> layerSizes() {
        List<Long> out = new ArrayList<>();
        manifest.path("layers").forEach(l -> out.add(l.path("size").asLong()));
        return out;
    }

    /** A minimal reader of ustar archives (what Jib writes): names, modes and contents. */
    static final class Tar {
        interface Visitor {
            void entry(String name, int mode, byte[] data);
        }

        static void forEach(InputStream in, Visitor v) throws IOException {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    return;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {           // GNU long name: the next entry's name
                    longName = new String(data, StandardCharsets.UTF_8).trim();
                    continue;
                }
                if (type == 'x' || type == 'g') {
                    String path = pax(data);
                    if (path != null) {
                        longName = path;
                    }
                    continue;
                }
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                v.entry(full, mode, data);
            }
        }

        private static String pax(byte[] data) {
            for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf(" path=");
                if (eq >= 0) {
                    return line.substring(eq + 6);
                }
            }
            return null;
        }

        private static String text(byte[] b, int from, int length) {
            int end = from;
            while (end < from + length && b[end] != 0) {
                end++;
            }
            return new String(b, from, end - from, StandardCharsets.UTF_8);
        }

        private static long octal(byte[] b, int from, int length) {
            String s = text(b, from, length).trim();
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        }
    }
}
