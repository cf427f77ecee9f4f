package automl4j.spark.scoring;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A small local Spark for one test class, and Tablesaw tables of text and double columns as DataFrames. */
final class TestSpark {
    private TestSpark() {
    }

    /** {@code local[2]}, no UI, two shuffle partitions: what a test class needs, started in a second or two. */
    static SparkSession start(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    /** The rows of {@code table} (text and double columns; missing cells as null) in {@code partitions} partitions, in order. */
    static Dataset<Row> frame(SparkSession spark, Table table, int partitions) {
        StructType schema = new StructType();
        for (Column<?> c : table.columns()) {
            schema = schema.add(c.name(), c instanceof tech.tablesaw.api.DoubleColumn ? DataTypes.DoubleType : DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] cells = new Object[table.columnCount()];
            for (int c = 0; c < cells.length; c++) {
                Column<?> column = table.column(c);
                cells[c] = column.isMissing(r) ? null : column.get(r);
            }
            rows.add(RowFactory.create(cells));
        }
        // parallelize keeps the list's order across partitions, so the collected rows are the table's, in order
        return spark.createDataFrame(new JavaSparkContext(spark.sparkContext()).parallelize(rows, partitions), schema);
    }
}
