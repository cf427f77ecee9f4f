package automl4j.spark.scoring;

import automl4j.scoring.InputColumn;
import automl4j.scoring.InputSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Checks a DataFrame's schema against the columns a model reads, before any row is scored, so that a missing column or
 * a column of the wrong type is one clear error on the driver rather than a failed task on an executor. What each kind
 * of column accepts is what the scoring library reads as the engine did: text is accepted everywhere, as a CSV cell
 * would be.
 */
final class InputTypes {
    private InputTypes() {
    }

    /**
     * The index in {@code schema} of each column the model reads, in {@link InputSchema#usedColumns()} order.
     *
     * @throws IllegalArgumentException naming the first column that is absent or of a type its kind cannot take, with
     *                                  the types it takes
     */
    static int[] check(StructType schema, InputSchema model) {
        List<String> names = Arrays.asList(schema.fieldNames());
        List<String> used = model.usedColumns();
        int[] out = new int[used.size()];
        for (int k = 0; k < out.length; k++) {
            String name = used.get(k);
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("input column '" + name + "' is missing; the model reads " + used
                        + " and the DataFrame has " + names);
            }
            StructField field = schema.fields()[index];
            String kind = model.column(name).map(InputColumn::kind).orElse("unknown");
            if (!accepts(kind, field.dataType())) {
                throw new IllegalArgumentException("input column '" + name + "' must be " + expected(kind)
                        + " (the model reads it as " + kind + "), but was " + field.dataType().simpleString());
            }
            out[k] = index;
        }
        return out;
    }

    /** True for the types a cell of a table can hold: numbers, text, booleans, dates and timestamps. */
    static boolean isAtomic(DataType type) {
        return accepts("unknown", type);
    }

    private static boolean accepts(String kind, DataType type) {
        boolean text = type instanceof StringType;
        boolean number = type instanceof NumericType;
        boolean bool = type instanceof BooleanType;
        boolean date = type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
        return switch (kind) {
            case "numeric" -> number || text;
            case "boolean" -> bool || text;
            case "datetime" -> date || text;
            case "categorical", "high-cardinality", "text" -> text || number || bool;
            default -> text || number || bool || date;
        };
    }

    private static String expected(String kind) {
        List<String> types = new ArrayList<>();
        switch (kind) {
            case "numeric" -> types.addAll(List.of("a numeric type", "string"));
            case "boolean" -> types.addAll(List.of("boolean", "string"));
            case "datetime" -> types.addAll(List.of("date", "timestamp", "timestamp_ntz", "string"));
            case "categorical", "high-cardinality", "text" -> types.addAll(List.of("string", "a numeric type", "boolean"));
            default -> types.addAll(List.of("string", "a numeric type", "boolean", "date", "timestamp"));
        }
        return String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1);
    }
}
