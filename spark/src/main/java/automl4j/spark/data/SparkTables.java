package automl4j.spark.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Spark rows as a Tablesaw table on the driver, column types mapped as {@link ColumnReader} says (numeric, text,
 * boolean, date and timestamp columns; nulls missing). Every row is collected: use it on data that fits the driver, or
 * on a {@link DriverSampler} sample.
 */
public final class SparkTables {
    private SparkTables() {
    }

    /**
     * The rows of {@code rows} as a table called {@code name}, in the Dataset's order. Rows come to the driver one
     * partition at a time, so the driver holds the table and one partition's rows, never all rows as Spark objects.
     *
     * @throws IllegalArgumentException if a column has a type the engine cannot read (binary, array, map, struct...),
     *                                  naming it, before any row is read
     */
    public static Table toTable(Dataset<Row> rows, String name) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(name, "name");
        StructField[] fields = rows.schema().fields();
        List<ColumnReader> readers = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            readers.add(ColumnReader.of(fields[i], i));
        }
        Iterator<Row> it = rows.toLocalIterator();
        while (it.hasNext()) {
            Row row = it.next();
            for (ColumnReader r : readers) {
                r.append(row);
            }
        }
        return Table.create(name, readers.stream().<Column<?>>map(ColumnReader::column).toList());
    }

    /**
     * The columns {@code columns} of {@code rows} (rows of {@code schema}) as a table called {@code name}, in order:
     * what an executor hands the engine to score a batch of a partition's rows.
     *
     * @throws IllegalArgumentException if a column is not in the schema, or has a type the engine cannot read
     */
    public static Table toTable(List<Row> rows, StructType schema, List<String> columns, String name) {
        List<ColumnReader> readers = new ArrayList<>();
        List<String> names = java.util.Arrays.asList(schema.fieldNames());
        for (String c : columns) {
            int index = names.indexOf(c);
            if (index < 0) {
                throw new IllegalArgumentException("column '" + c + "' is not in the rows; they have " + names);
            }
            readers.add(ColumnReader.of(schema.fields()[index], index));
        }
        for (Row row : rows) {
            for (ColumnReader r : readers) {
                r.append(row);
            }
        }
        return Table.create(name, readers.stream().<Column<?>>map(ColumnReader::column).toList());
    }
}
