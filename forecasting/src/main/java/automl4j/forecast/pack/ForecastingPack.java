package automl4j.forecast.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The forecasting pack: a folder with {@code manifest.json} (one entry per collection: {@code collection}, {@code
 * file}, {@code seasonal_period}, {@code horizon}, optional {@code frequency}) and one long CSV per collection (see
 * {@code datasets/forecasting/README.md}). Immutable; {@link #load} reads a collection's file each time.
 */
public final class ForecastingPack {
    /** The system property that names the pack's folder, for runs outside the project tree. */
    public static final String PACK_PROPERTY = "automl4j.forecasting.pack";
    private static final String MANIFEST = "manifest.json";

    private final Path folder;
    private final List<CollectionInfo> collections;

    private ForecastingPack(Path folder, List<CollectionInfo> collections) {
        this.folder = folder;
        this.collections = List.copyOf(collections);
    }

    /**
     * Reads the manifest of the pack in {@code folder}.
     *
     * @param folder the pack's folder
     * @return the pack
     * @throws PackFormatException if the manifest is missing, not JSON, or an entry lacks a field or has a bad value;
     *                             the message names the entry and field
     */
    public static ForecastingPack open(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path manifest = folder.resolve(MANIFEST);
        JsonNode root;
        try (BufferedReader r = Files.newBufferedReader(manifest)) {
            root = new ObjectMapper().readTree(r);
        } catch (JsonProcessingException e) {
            throw new PackFormatException(MANIFEST + " in " + folder + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new PackFormatException(MANIFEST + " not found or unreadable in " + folder + ": " + e, e);
        }
        JsonNode list = root == null ? null : root.get("collections");
        if (list == null || !list.isArray()) {
            throw new PackFormatException(MANIFEST + ": must have a 'collections' array");
        }
        List<CollectionInfo> infos = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = MANIFEST + ": collections[" + i + "]";
            String name = text(e, "collection", where);
            String file = text(e, "file", where);
            int period = positiveInt(e, "seasonal_period", where);
            int horizon = positiveInt(e, "horizon", where);
            JsonNode freq = e.get("frequency");
            infos.add(new CollectionInfo(name, file, freq == null || !freq.isTextual() ? "" : freq.asText(), period,
                    horizon));
        }
        return new ForecastingPack(folder, infos);
    }

    /**
     * The pack's folder: the system property {@value #PACK_PROPERTY} when set, otherwise the first {@code
     * shared/datasets/forecasting} folder found in the working directory or one of its ancestors.
     *
     * @return the folder, or empty where there is none (tests then skip)
     */
    public static Optional<Path> locate() {
        return SharedFolders.find(PACK_PROPERTY, "shared/datasets/forecasting", MANIFEST);
    }

    /**
     * The collections the manifest lists, in its order.
     *
     * @return an unmodifiable list
     */
    public List<CollectionInfo> collections() {
        return collections;
    }

    /**
     * The collection of that name.
     *
     * @param name the name
     * @return its description
     * @throws IllegalArgumentException if the manifest has no such collection; the message lists those it has
     */
    public CollectionInfo collection(String name) {
        for (CollectionInfo c : collections) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        collections.forEach(c -> names.add(c.name()));
        throw new IllegalArgumentException("collection '" + name + "' not found in " + MANIFEST + "; it has " + names);
    }

    /**
     * Reads a collection's series.
     *
     * @param info the collection, one of {@link #collections()}
     * @return its series, in the file's order
     * @throws PackFormatException if the file is missing or malformed; the message names file, row and column
     */
    public SeriesCollection load(CollectionInfo info) {
        return LongCsvReader.read(folder.resolve(info.file()), info);
    }

    private static String text(JsonNode e, String field, String where) {
        JsonNode v = e == null ? null : e.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new PackFormatException(where + "." + field + " must be a non-empty string, but was " + v);
        }
        return v.asText();
    }

    private static int positiveInt(JsonNode e, String field, String where) {
        JsonNode v = e.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new PackFormatException(where + "." + field + " must be an integer >= 1, but was " + v);
        }
        return v.asInt();
    }
}
