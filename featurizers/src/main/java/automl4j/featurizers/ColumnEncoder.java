package automl4j.featurizers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The fitted encoding of one raw column into one or more features. Immutable and thread-safe. */
sealed interface ColumnEncoder permits NumericEncoder, BooleanEncoder, OneHotEncoder, FrequencyEncoder, TargetEncoder,
        HashedCategoryEncoder, DateEncoder, TfidfEncoder, HashedTextEncoder {
    /** The raw column. */
    String column();

    /** Names of the features this encoder writes. */
    List<String> featureNames();

    /**
     * Writes the features of {@code n} rows into the row-major {@code out}: row {@code i}'s features go to
     * {@code out[i * stride + offset ...]}. {@code out} is zero-filled on entry.
     *
     * @param table  the table the rows belong to when they are training rows for a model (an encoder fitted on this
     *               very table then encodes its own training rows out of fold, as the target encoder does); null when
     *               encoding for prediction
     * @param column the encoder's column of {@code table}
     * @param rows   the rows to encode, or null for rows 0..n-1
     * @throws automl4j.DataException if a cell cannot be read as the learned kind, naming the column and row
     */
    void encode(Table table, Column<?> column, int[] rows, int n, float[] out, int stride, int offset);

    /** The encoder as JSON. */
    ObjectNode toJson(ObjectMapper json);

    /** Row {@code i} of a batch. */
    static int row(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }
}
