package automl4j.spark.scoring;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The text cells of one column of one partition, each distinct value decoded once: a categorical column repeats a few
 * values, and the model looks each cell up by its string, whose hash a string decoded anew must compute again. Holds up
 * to {@value #MAX_VALUES} values; the cells of a column with more (ids, free text) past those are decoded each time.
 */
final class TextCells implements CatalystCells {
    /** Distinct values kept per column: a category list, not a column of ids. */
    static final int MAX_VALUES = 1024;

    private final Map<UTF8String, String> decoded = new HashMap<>();

    @Override
    public Object read(InternalRow row, int ordinal) {
        if (row.isNullAt(ordinal)) {
            return null;
        }
        UTF8String cell = row.getUTF8String(ordinal);   // a view of the row's bytes, valid while the row is
        String text = decoded.get(cell);
        if (text == null) {
            text = cell.toString();
            if (decoded.size() < MAX_VALUES) {
                decoded.put(cell.copy(), text);
            }
        }
        return text;
    }
}
