package automl4j.forecast;

import automl4j.export.ModelFileException;
import automl4j.export.Versions;
import automl4j.forecast.model.ForecasterLookup;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.search.FittedMember;
import automl4j.forecast.series.CovariateColumns;
import automl4j.forecast.series.GapFill;
import automl4j.forecast.series.TimeAxis;
import automl4j.internal.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The file of a {@link ForecastModel}: a zip like the tabular model files, with {@code manifest.json} (format
 * {@value #FORMAT}, the settings, time axis, interval error quantiles, ensemble weights, and the size and SHA-256 of
 * every other entry), {@code manifest.sha256}, and {@code series.json} (every series' fitted models and parameters).
 * Data only: reading never runs code from the file, every entry is read under a size limit counted while inflating and
 * must match its digest, and the forecasters are looked up by id in the caller's registry.
 */
final class ForecastModelFile {
    /** Value of {@code format} in the manifest. */
    static final String FORMAT = "automl4j-forecast";
    /** The format version this code writes and reads. */
    static final int VERSION = 1;
    private static final String MANIFEST = "manifest.json";
    private static final String DIGEST = "manifest.sha256";
    private static final String SERIES = "series.json";
    private static final String GLOBALS = "globals.json";
    private static final long MANIFEST_LIMIT = 16L << 20;
    private static final long SERIES_LIMIT = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForecastModelFile() {
    }

    /**
     * Whether {@code manifest} (a parsed {@code manifest.json}) is a forecast model's.
     *
     * @param manifest the manifest
     * @return true if its format is {@value #FORMAT}
     */
    static boolean isForecastManifest(JsonNode manifest) {
        return FORMAT.equals(manifest.path("format").asText(null));
    }

    static boolean isForecastModel(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(MANIFEST)) {
                    return isForecastManifest(JSON.readTree(readLimited(zip, MANIFEST_LIMIT, file, MANIFEST)));
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void write(ForecastModel m, Path file) throws IOException {
        ArrayNode series = JSON.createArrayNode();
        for (ForecastModel.SavedSeries s : m.series.values()) {
            ObjectNode n = series.addObject();
            n.put("id", s.id());
            ArrayNode ids = n.putArray("id_values");
            s.idValues().forEach(ids::add);
            n.put("first_period", s.firstPeriod());
            n.put("last_period", s.lastPeriod());
            ArrayNode members = n.putArray("members");
            for (FittedMember f : s.members()) {
                ObjectNode mem = members.addObject();
                mem.put("forecaster", f.id());
                mem.put("weight", f.weight());
                mem.put("description", f.description());
                mem.set("parameters", JSON.valueToTree(f.parameters()));
            }
        }
        byte[] seriesBytes = JSON.writeValueAsBytes(series);
        ObjectNode globals = JSON.createObjectNode();
        m.globals.forEach((id, g) -> globals.putObject(id).put("description", g.description())
                .set("parameters", JSON.valueToTree(g.parameters())));
        byte[] globalBytes = JSON.writeValueAsBytes(globals);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("format_version", VERSION);
        manifest.put("automl4j_version", Versions.automl4j());
        manifest.put("java_version", System.getProperty("java.version"));
        manifest.put("task", "forecasting");
        manifest.put("target", m.target);
        manifest.put("time_column", m.timeColumn);
        ArrayNode ids = manifest.putArray("id_columns");
        m.idColumns.forEach(ids::add);
        manifest.put("horizon", m.horizon);
        manifest.put("seasonal_period", m.period);
        manifest.put("gap_fill", m.fill.label());
        manifest.set("time_axis", JSON.valueToTree(m.axis.describe()));
        manifest.set("levels", JSON.valueToTree(m.levels));
        manifest.set("quantiles", JSON.valueToTree(m.quantiles));
        manifest.set("lower_errors", JSON.valueToTree(m.lowerErrors));
        manifest.set("upper_errors", JSON.valueToTree(m.upperErrors));
        manifest.set("quantile_errors", JSON.valueToTree(m.quantileErrors));
        manifest.set("weights", JSON.valueToTree(m.weights));
        manifest.put("non_negative", m.nonNegative);
        manifest.set("covariates", JSON.valueToTree(m.covariates.describe()));
        manifest.set("info", JSON.valueToTree(m.info));
        ObjectNode listed = manifest.putObject("entries");
        listed.putObject(SERIES).put("size", seriesBytes.length).put("sha256", sha256(seriesBytes));
        listed.putObject(GLOBALS).put("size", globalBytes.length).put("sha256", sha256(globalBytes));
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, MANIFEST, manifestBytes);
            put(zip, DIGEST, sha256(manifestBytes).getBytes(StandardCharsets.US_ASCII));
            put(zip, SERIES, seriesBytes);
            put(zip, GLOBALS, globalBytes);
            zip.finish();   // AtomicFiles closes the stream
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    static ForecastModel read(Path file, ForecasterLookup forecasters) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, null, "does not exist or is not a file", null);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                long limit = name.equals(SERIES) || name.equals(GLOBALS) ? SERIES_LIMIT : name.equals(MANIFEST) || name.equals(DIGEST) ? MANIFEST_LIMIT : -1;
                if (limit < 0) {
                    throw new ModelFileException(file, name, "is not an entry of a forecast model file", null);
                }
                if (entries.containsKey(name)) {
                    throw new ModelFileException(file, name, "appears twice", null);
                }
                entries.put(name, readLimited(zip, limit, file, name));
            }
        } catch (IOException e) {
            throw new ModelFileException(file, null, "cannot be read as a zip file: " + e.getMessage(), e);
        }
        byte[] manifestBytes = require(entries, MANIFEST, file);
        String digest = new String(require(entries, DIGEST, file), StandardCharsets.US_ASCII).trim();
        if (!digest.equals(sha256(manifestBytes))) {
            throw new ModelFileException(file, MANIFEST, "does not match manifest.sha256 (the file was changed or damaged)", null);
        }
        try {
            JsonNode manifest = JSON.readTree(manifestBytes);
            if (!isForecastManifest(manifest)) {
                throw new ModelFileException(file, MANIFEST, "is not a forecast model's (format '" + manifest.path("format").asText()
                        + "')", null);
            }
            int version = manifest.path("format_version").asInt(-1);
            if (version != VERSION) {
                throw new ModelFileException(file, MANIFEST, "has format version " + version + ", but this automl4j "
                        + Versions.automl4j() + " reads version " + VERSION + " (a newer automl4j wrote it?)", null);
            }
            byte[] seriesBytes = checked(entries, manifest, SERIES, file);
            byte[] globalBytes = checked(entries, manifest, GLOBALS, file);
            return model(manifest, JSON.readTree(seriesBytes), JSON.readTree(globalBytes), forecasters, file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(file, null, "is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] checked(Map<String, byte[]> entries, JsonNode manifest, String name, Path file) {
        byte[] bytes = require(entries, name, file);
        JsonNode listed = manifest.path("entries").path(name);
        if (listed.path("size").asLong(-1) != bytes.length || !sha256(bytes).equals(listed.path("sha256").asText())) {
            throw new ModelFileException(file, name, "does not match the size and SHA-256 the manifest lists", null);
        }
        return bytes;
    }

    private static ForecastModel model(JsonNode m, JsonNode seriesNode, JsonNode globalsNode, ForecasterLookup forecasters,
                                       Path file) {
        List<String> idColumns = new ArrayList<>();
        m.path("id_columns").forEach(n -> idColumns.add(n.asText()));
        @SuppressWarnings("unchecked")
        Map<String, Object> axis = JSON.convertValue(m.path("time_axis"), Map.class);
        Map<String, Double> weights = new LinkedHashMap<>();
        m.path("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        Map<String, GlobalForecaster.FittedGlobal> globals = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : globalsNode.properties()) {
            GlobalForecaster g = forecasters.global(e.getKey()).orElseThrow(() -> new ModelFileException(file, GLOBALS,
                    "names global forecaster '" + e.getKey() + "', which this automl4j does not have", null));
            try {
                globals.put(e.getKey(), g.restore(parameters(e.getValue().path("parameters")), positive(m, "seasonal_period"),
                        positive(m, "horizon")));
            } catch (RuntimeException ex) {
                throw new ModelFileException(file, GLOBALS, "global model '" + e.getKey() + "' cannot be restored: "
                        + ex.getMessage(), ex);
            }
        }
        for (String id : weights.keySet()) {
            checkKnown(id, forecasters, globals, file);
        }
        Map<String, ForecastModel.SavedSeries> series = new LinkedHashMap<>();
        for (JsonNode n : seriesNode) {
            List<String> values = new ArrayList<>();
            n.path("id_values").forEach(v -> values.add(v.asText()));
            List<FittedMember> members = new ArrayList<>();
            for (JsonNode mem : n.path("members")) {
                String id = mem.path("forecaster").asText();
                checkKnown(id, forecasters, globals, file);
                members.add(new FittedMember(id, mem.path("weight").asDouble(), mem.path("description").asText(),
                        parameters(mem.path("parameters"))));
            }
            String id = n.path("id").asText();
            series.put(id, new ForecastModel.SavedSeries(id, values, n.path("first_period").asLong(),
                    n.path("last_period").asLong(), members));
        }
        Map<String, String> info = new LinkedHashMap<>();
        m.path("info").properties().forEach(e -> info.put(e.getKey(), e.getValue().asText()));
        return new ForecastModel(m.path("target").asText(), m.path("time_column").asText(), idColumns, TimeAxis.restore(axis),
                positive(m, "horizon"), positive(m, "seasonal_period"), GapFill.parse(m.path("gap_fill").asText()),
                doubles(m.path("levels")), doubles(m.path("quantiles")), matrix(m.path("lower_errors")),
                matrix(m.path("upper_errors")), matrix(m.path("quantile_errors")), weights, m.path("non_negative").asBoolean(),
                series, info, globals, covariates(m.path("covariates")), forecasters);
    }

    /** The covariate columns; none in files written before covariates existed. */
    private static CovariateColumns covariates(JsonNode node) {
        List<String> known = new ArrayList<>();
        node.path("known").forEach(n -> known.add(n.asText()));
        List<String> observed = new ArrayList<>();
        node.path("observed").forEach(n -> observed.add(n.asText()));
        return new CovariateColumns(known, observed);
    }

    private static int positive(JsonNode m, String key) {
        int v = m.path(key).asInt(0);
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, but is " + m.path(key));
        }
        return v;
    }

    private static void checkKnown(String id, ForecasterLookup forecasters, Map<String, GlobalForecaster.FittedGlobal> globals,
                                   Path file) {
        if (!globals.containsKey(id) && forecasters.local(id).isEmpty()) {
            throw new ModelFileException(file, SERIES, "names forecaster '" + id + "', which this automl4j does not have", null);
        }
    }

    /** JSON back into the values {@code parameters()} gives: numbers, strings, booleans and arrays of numbers. */
    private static Map<String, Object> parameters(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                out.put(e.getKey(), doubles(v));
            } else if (v.isIntegralNumber()) {
                out.put(e.getKey(), v.asLong());
            } else if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean());
            } else if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (!v.isNull()) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' is neither a number, a text, a boolean "
                        + "nor an array of numbers");
            }
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            if (v.isTextual() && v.asText().equals("NaN")) {
                out[i] = Double.NaN;   // Jackson writes NaN as a string: a step without interval
                continue;
            }
            if (!v.isNumber()) {
                throw new IllegalArgumentException("expected numbers, but found " + v);
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }

    private static byte[] require(Map<String, byte[]> entries, String name, Path file) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new ModelFileException(file, name, "is missing", null);
        }
        return b;
    }

    private static byte[] readLimited(InputStream in, long limit, Path file, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
            total += r;
            if (total > limit) {
                throw new ModelFileException(file, name, "is larger than " + limit + " bytes", null);
            }
            out.write(buffer, 0, r);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
