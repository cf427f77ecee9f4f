package automl4j.spark.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Parquet columns of every readable Spark type become the Tablesaw columns the engine reads, nulls as missing. */
class SparkTablesTest {
    private static final StructType SCHEMA = new StructType()
            .add("b", DataTypes.ByteType).add("s", DataTypes.ShortType).add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType).add("f", DataTypes.FloatType).add("d", DataTypes.DoubleType)
            .add("dec", DataTypes.createDecimalType(10, 2)).add("text", DataTypes.StringType)
            .add("flag", DataTypes.BooleanType).add("day", DataTypes.DateType).add("at", DataTypes.TimestampType)
            .add("local", DataTypes.TimestampNTZType);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        // java.time cells: Spark's java.sql.Date/Timestamp conversion needs --add-opens=java.base/sun.util.calendar on
        // Java 17 when Spark runs embedded (spark-submit adds it); ColumnReader takes both kinds of cells
        spark = DataSpark.start("SparkTablesTest", "spark.sql.datetime.java8API.enabled", "true");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyReadableTypeMapsToItsTablesawColumnWithNullsMissing(@TempDir Path dir) {
        Row full = RowFactory.create((byte) 1, (short) 2, 3, 4L, 5.5f, 6.25, new BigDecimal("7.10"), "plus", true,
                LocalDate.of(2024, 2, 29), Instant.parse("2024-03-01T10:15:30Z"),
                LocalDateTime.parse("2024-03-01T10:15:30"));
        Row empty = RowFactory.create(null, null, null, null, null, Double.NaN, null, null, null, null, null, null);
        String path = dir.resolve("types.parquet").toString();
        spark.createDataFrame(List.of(full, empty), SCHEMA).coalesce(1).write().parquet(path);

        Table t = SparkTables.toTable(spark.read().parquet(path), "types");

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.columnNames()).containsExactly("b", "s", "i", "l", "f", "d", "dec", "text", "flag", "day", "at", "local");
        assertThat(t.columns().stream().map(c -> c.type()).toList()).containsExactly(ColumnType.SHORT, ColumnType.SHORT,
                ColumnType.INTEGER, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.LOCAL_DATE, ColumnType.INSTANT, ColumnType.LOCAL_DATE_TIME);
        int row = t.intColumn("i").get(0) == 3 ? 0 : 1;   // Parquet keeps the order of one file; be safe anyway
        assertThat(t.shortColumn("b").get(row)).isEqualTo((short) 1);
        assertThat(t.longColumn("l").get(row)).isEqualTo(4L);
        assertThat(t.floatColumn("f").get(row)).isEqualTo(5.5f);
        assertThat(t.doubleColumn("d").get(row)).isEqualTo(6.25);
        assertThat(t.doubleColumn("dec").get(row)).isEqualTo(7.1);
        assertThat(t.stringColumn("text").get(row)).isEqualTo("plus");
        assertThat(t.booleanColumn("flag").get(row)).isTrue();
        assertThat(t.dateColumn("day").get(row)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.instantColumn("at").get(row)).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(t.dateTimeColumn("local").get(row)).isEqualTo(LocalDateTime.parse("2024-03-01T10:15:30"));
        for (int c = 0; c < t.columnCount(); c++) {
            assertThat(t.column(c).isMissing(1 - row)).as(t.column(c).name()).isTrue();
        }
    }

    @Test
    void unreadableTypeIsRefusedNamingTheColumn() {
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("blob", DataTypes.BinaryType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(1.0, new byte[] {1})), schema);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTables.toTable(rows, "t"));
        assertThat(e).hasMessageStartingWith("column 'blob' has type binary, which the engine cannot read");
    }
}
