package automl4j.featurizers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import tech.tablesaw.columns.Column;

/** The fitted encoding of one raw column into one or more features. Immutable. */
sealed interface ColumnEncoder permits NumericEncoder, OneHotEncoder, FrequencyEncoder, HashedTextEncoder {
    /** The raw column. */
    String column();

    /** Names of the features this encoder writes. */
    List<String> featureNames();

    /**
     * Writes the features of {@code row} into {@code out} starting at {@code offset}.
     *
     * @throws IllegalArgumentException if the cell cannot be read as the learned kind
     */
    void encode(Column<?> column, int row, float[] out, int offset);

    /** The encoder as JSON. */
    ObjectNode toJson(com.fasterxml.jackson.databind.ObjectMapper json);
}
