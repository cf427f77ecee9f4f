package automl4j.spark.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.DataException;
import automl4j.data.Classification;
import automl4j.data.Regression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The sample's size follows the free heap and the row's width, a classification sample keeps every class's share (and
 * a rare class a few rows), rows without a target are left out, and a heap too small is an error saying what to raise.
 */
class DriverSamplerTest {
    // x: double (8 bytes), n: int (4), cat: one-letter text (4 + 56 + 2 = 62), y: double or text target
    private static final StructType REGRESSION = new StructType().add("x", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType).add("cat", DataTypes.StringType).add("y", DataTypes.DoubleType);
    private static final StructType CLASSES = new StructType().add("x", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType).add("cat", DataTypes.StringType).add("y", DataTypes.StringType);
    private static final int ROWS = 10_000;
    private static final long ROW_BYTES = 8 + 4 + 62 + 8;
    private static final long CLASS_ROW_BYTES = 8 + 4 + 62 + 62;
    private static SparkSession spark;
    private static Path regression;
    private static Path classes;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = DataSpark.start("DriverSamplerTest");
        SplittableRandom r = new SplittableRandom(3);
        List<Row> numbers = new ArrayList<>();
        List<Row> labels = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double x = r.nextDouble();
            String cat = String.valueOf((char) ('a' + r.nextInt(3)));
            // every 100th row has no target; classes: 'c' rows 0-49, 'b' rows 50-1999, 'a' the rest
            Double y = i % 100 == 99 ? null : x * 3 + r.nextDouble();
            String label = i % 100 == 99 ? null : i < 50 ? "c" : i < 2000 ? "b" : "a";
            numbers.add(RowFactory.create(x, i, cat, y));
            labels.add(RowFactory.create(x, i, cat, label));
        }
        regression = dir.resolve("regression.parquet");
        classes = dir.resolve("classes.parquet");
        JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());   // four files, without a shuffle
        spark.createDataFrame(jsc.parallelize(numbers, 4), REGRESSION).write().parquet(regression.toString());
        spark.createDataFrame(jsc.parallelize(labels, 4), CLASSES).write().parquet(classes.toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The free heap that, at the default half of it and 10x for the search, holds {@code rows} rows of the test width. */
    private static long heapFor(long rows) {
        return rows * ROW_BYTES * 10 * 2;
    }

    /** As {@link #heapFor} for the rows with a text target. */
    private static long classHeapFor(long rows) {
        return rows * CLASS_ROW_BYTES * 10 * 2;
    }

    @Test
    void allRowsWithATargetWhenTheyFit() {
        DriverSample s = DriverSampler.builder("y").freeHeapBytes(heapFor(1_000_000)).build()
                .sampleParquet(spark, regression.toString());
        assertThat(s.plan().totalRows()).isEqualTo(ROWS);
        assertThat(s.plan().labelledRows()).isEqualTo(ROWS - ROWS / 100);
        assertThat(s.plan().sampledRows()).isEqualTo(ROWS - ROWS / 100);
        assertThat(s.plan().isSampled()).isFalse();
        assertThat(s.data().table().rowCount()).isEqualTo(ROWS - ROWS / 100);
        assertThat(s.data().task()).isInstanceOf(Regression.class);
    }

    @Test
    void regressionSampleIsUniformAndSizedByTheHeapAndTheRowWidth() {
        DriverSample s = DriverSampler.builder("y").seed(5).freeHeapBytes(heapFor(2000)).build()
                .sampleParquet(spark, regression.toString());
        assertThat(s.plan().bytesPerRow()).isEqualTo(ROW_BYTES);
        assertThat(s.plan().capacityRows()).isEqualTo(2000);
        assertThat(s.plan().stratified()).isFalse();
        assertThat(s.plan().sampledRows()).isBetween(1800L, 2200L);   // Bernoulli sampling: about the capacity
        Table t = s.data().table();
        assertThat(t.rowCount()).isEqualTo((int) s.plan().sampledRows());
        assertThat(t.doubleColumn("y").countMissing()).isZero();
        // uniform over the rows: the row numbers' mean is near the middle
        assertThat(t.intColumn("n").mean()).isBetween(ROWS * 0.45, ROWS * 0.55);
        assertThat(s.plan().summary()).contains("uniform sample of " + t.rowCount() + " rows");
    }

    @Test
    void classificationSampleKeepsEachClassShareAndRareClassesAFewRows() {
        DriverSample s = DriverSampler.builder("y").seed(5).freeHeapBytes(classHeapFor(2000)).build()
                .sampleParquet(spark, classes.toString());
        assertThat(s.plan().capacityRows()).isEqualTo(2000);
        assertThat(s.plan().stratified()).isTrue();
        assertThat(s.plan().classRows()).containsEntry("a", 7920L).containsEntry("b", 1930L).containsEntry("c", 50L);
        // f = 2000 / 9900 = 0.202 for 'a' and 'b'; 'c' keeps minClassRows = 20 of its 50 (fraction 0.4)
        assertThat(s.plan().sampledClassRows().get("a")).isBetween(1450L, 1750L);
        assertThat(s.plan().sampledClassRows().get("b")).isBetween(320L, 460L);
        assertThat(s.plan().sampledClassRows().get("c")).isBetween(8L, 35L);
        assertThat(s.data().task()).isInstanceOf(Classification.class);
        assertThat(((Classification) s.data().task()).classes()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void sameSeedSameSample() {
        DriverSampler sampler = DriverSampler.builder("y").seed(9).freeHeapBytes(classHeapFor(500)).build();
        Table first = sampler.sampleParquet(spark, classes.toString()).data().table();
        Table second = sampler.sampleParquet(spark, classes.toString()).data().table();
        assertThat(second.intColumn("n").asList()).isEqualTo(first.intColumn("n").asList());
    }

    @Test
    void maxRowsCapsTheSample() {
        DriverSample s = DriverSampler.builder("y").maxRows(1000).freeHeapBytes(heapFor(1_000_000)).build()
                .sampleParquet(spark, regression.toString());
        assertThat(s.plan().capacityRows()).isEqualTo(1000);
        assertThat(s.plan().sampledRows()).isBetween(850L, 1150L);
    }

    @Test
    void heapTooSmallIsAnErrorSayingWhatToRaise() {
        DriverSampler sampler = DriverSampler.builder("y").freeHeapBytes(heapFor(50)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sampler.sampleParquet(spark, regression.toString()));
        assertThat(e).hasMessageContaining("holds only 50 rows").hasMessageContaining("spark.driver.memory");
    }

    @Test
    void missingTargetIsNamed() {
        DriverSampler sampler = DriverSampler.builder("churned").build();
        DataException e = assertThrows(DataException.class, () -> sampler.sampleParquet(spark, regression.toString()));
        assertThat(e).hasMessageContaining("column 'churned' not found").hasMessageContaining("[x, n, cat, y]");
    }

    @Test
    void settingsAreChecked() {
        DriverSampler.Builder b = DriverSampler.builder("y");
        assertThat(assertThrows(IllegalArgumentException.class, () -> b.heapFraction(Double.NaN)))
                .hasMessage("heapFraction must be in (0, 1], but was NaN");
        assertThat(assertThrows(IllegalArgumentException.class, () -> b.task("ranking")))
                .hasMessageContaining("task must be one of [binary, multiclass, regression]");
    }
}
