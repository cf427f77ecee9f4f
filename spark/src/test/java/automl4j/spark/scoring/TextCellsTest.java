package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Text cells read once per distinct value are the same strings as decoded each time, past the cap and with nulls. */
class TextCellsTest {
    @Test
    void everyCellReadsAsItsTextWhateverTheCountOfDistinctValues() {
        CatalystCells text = CatalystCells.of(DataTypes.StringType);
        int n = 3 * TextCells.MAX_VALUES;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                String value = i % 7 == 3 ? null : "v" + (i % 2 == 0 ? i : i % 5) + "é";
                GenericInternalRow row = new GenericInternalRow(new Object[] {value == null ? null : UTF8String.fromString(value)});
                assertThat(text.read(row, 0)).as("cell " + i).isEqualTo(value);
            }
        }
    }
}
