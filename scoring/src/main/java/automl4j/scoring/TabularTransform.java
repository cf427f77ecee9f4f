package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's fitted tabular featurizer ({@code featurizers/N.json}, featurizer JSON versions 1 and 2), applied to
 * one row at a time without the engine: {@link #transform(Map)} gives, float for float, the row the engine's
 * {@code FittedTransform.transform(table, null)} gives for the same cells. Every encoder the engine writes is read:
 * numeric columns (imputation, missing indicator, scaling, text read as missing), booleans, one-hot with rare/other and
 * missing levels, frequency, target and hashed-category encodings, dates and date-times, TF-IDF text and (version 1)
 * hashed text. Immutable, thread-safe. Work in progress (issue 18 item 3): this API may still change.
 */
public final class TabularTransform {
    /** Newest featurizer JSON version read (the engine's {@code FittedTabularTransform.VERSION}). */
    static final int VERSION = 2;
    /** The engine's {@code FittedTabularTransform.SPARSE_MIN_FEATURES}: from this width a transform with TF-IDF is sparse. */
    static final int SPARSE_MIN_FEATURES = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> inputs;
    private final List<ColumnEncoding> encodings;
    private final int[] offsets;
    private final List<String> featureNames;
    private final boolean sparse;

    private TabularTransform(List<String> inputs, List<ColumnEncoding> encodings) {
        this.inputs = List.copyOf(inputs);
        this.encodings = List.copyOf(encodings);
        this.offsets = new int[encodings.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < encodings.size(); i++) {
            offsets[i] = names.size();
            names.addAll(encodings.get(i).featureNames());
        }
        this.featureNames = List.copyOf(names);
        this.sparse = names.size() >= SPARSE_MIN_FEATURES && encodings.stream().anyMatch(e -> e instanceof TfidfEncoding);
    }

    /**
     * The transform an exported tabular featurizer describes.
     *
     * @throws IllegalArgumentException if {@code exported} is not the JSON of a tabular featurizer of version 1 or 2,
     *                                  or uses an encoder this module does not read yet, naming it
     */
    public static TabularTransform of(byte[] exported) {
        Objects.requireNonNull(exported, "exported");
        JsonNode root;
        try {
            root = JSON.readTree(exported);
        } catch (IOException e) {
            throw new IllegalArgumentException("featurizer entry is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        int version = root == null ? 0 : root.path("version").asInt();
        if (root == null || !"tabular".equals(root.path("featurizer").asText()) || version < 1 || version > VERSION) {
            throw new IllegalArgumentException("featurizer entry is not a 'tabular' featurizer of version 1 to " + VERSION);
        }
        List<String> inputs = new ArrayList<>();
        root.path("inputs").forEach(n -> inputs.add(n.asText()));
        List<ColumnEncoding> encodings = new ArrayList<>();
        for (JsonNode n : root.path("encoders")) {
            encodings.add(ColumnEncoding.fromJson(n));
        }
        return new TabularTransform(inputs, encodings);
    }

    /** The columns the model was fitted on, target excluded (some may have been dropped and are not read). */
    public List<String> inputColumns() {
        return inputs;
    }

    /** The columns {@link #transform} reads, in feature order. */
    public List<String> usedColumns() {
        return encodings.stream().map(ColumnEncoding::column).toList();
    }

    /** Names of the features, in the order {@link #transform} writes them. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * True when the engine gives this transform's output to models as a sparse matrix (compressed rows, zero cells
     * absent): a transform with a TF-IDF text column and at least {@value #SPARSE_MIN_FEATURES} features, exactly as
     * the engine's {@code FittedTabularTransform} decides. {@link #transform} then writes no negative zero, as the
     * engine's sparse matrix stores none; learners that read an absent cell as missing (XGBoost) must treat every zero
     * so.
     */
    public boolean sparse() {
        return sparse;
    }

    /**
     * The feature vector of one row. A cell is a {@code String} (as read from CSV), a number or a {@code Boolean} (as a
     * typed Tablesaw column holds it), or null; an absent column, null, an empty string and NaN are missing values. A
     * date column also takes a {@code LocalDate}, {@code LocalDateTime} or {@code Instant} (see {@link RowCells}).
     * Columns the transform does not use are ignored.
     *
     * @throws IllegalArgumentException if a cell has another type, or cannot be read as its column's kind (text in a
     *                                  numeric column that was all numbers in training, an infinite number, text that is
     *                                  not a date of the column's pattern), naming the column
     */
    public float[] transform(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        float[] out = new float[featureNames.size()];
        for (int i = 0; i < encodings.size(); i++) {
            ColumnEncoding e = encodings.get(i);
            Object value = row.get(e.column());
            RowCells.check(e.column(), value, e instanceof DateEncoding);
            e.encode(value, out, offsets[i]);
        }
        if (sparse) {
            // The engine's sparse matrix keeps the cells that are != 0f, so a -0.0 cell reads back as an absent +0.0.
            for (int c = 0; c < out.length; c++) {
                if (out[c] == 0f) {
                    out[c] = 0f;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TabularTransform" + Collections.unmodifiableList(usedColumns()) + " -> " + featureNames.size() + " features";
    }
}
