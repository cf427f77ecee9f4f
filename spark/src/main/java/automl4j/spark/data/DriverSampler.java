package automl4j.spark.data;

import automl4j.DataException;
import automl4j.data.Cells;
import automl4j.data.TaskData;
import automl4j.data.Tasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Takes the rows the search runs on from data that may not fit the driver: all rows with a target when they fit,
 * otherwise a sample sized to the driver's free heap, stratified by class for classification (every class keeps its
 * share, and a rare class at least {@link Builder#minClassRows(int) a few rows}) and uniform for regression. Logs a line
 * ({@link SamplePlan#summary()}) and returns it with the sample. Immutable and thread-safe; deterministic for a seed and
 * the same input partitions.
 *
 * <pre>{@code
 * DriverSample s = DriverSampler.builder("churned").seed(7).build().sampleParquet(spark, "s3://bucket/train.parquet");
 * AutoMlRun run = AutoMl.builder().seed(7).build().fit(s.data());
 * long rows = s.plan().sampledRows();
 * }</pre>
 *
 * <p>Reading costs one pass over the data before the sample (the row count, the target's distinct values and mean text
 * widths), a second for classification (the class counts), then the sample comes to the driver one partition at a time.
 */
public final class DriverSampler {
    /** Below this many rows a sample is refused rather than silently too small to search on. */
    static final long MIN_SAMPLE_ROWS = 100;
    /** More classes than this is not a classification a sample can stratify (nor the engine learn). */
    static final int MAX_CLASSES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger("automl4j.spark");

    private final String target;
    private final String task;
    private final long seed;
    private final double heapFraction;
    private final double multiplier;
    private final long maxRows;
    private final int minClassRows;
    private final OptionalLong freeHeapBytes;

    private DriverSampler(Builder b) {
        this.target = b.target;
        this.task = b.task;
        this.seed = b.seed;
        this.heapFraction = b.heapFraction;
        this.multiplier = b.multiplier;
        this.maxRows = b.maxRows;
        this.minClassRows = b.minClassRows;
        this.freeHeapBytes = b.freeHeapBytes;
    }

    /** A sampler for the target column {@code target}. */
    public static Builder builder(String target) {
        return new Builder(target);
    }

    /**
     * The sample of the Parquet files or folders at {@code paths} (any file system Spark reads).
     *
     * @throws DataException            as {@link #sample(Dataset, String)}
     * @throws IllegalArgumentException as {@link #sample(Dataset, String)}
     * @throws IllegalStateException    as {@link #sample(Dataset, String)}
     */
    public DriverSample sampleParquet(SparkSession spark, String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("paths must name at least one Parquet file or folder, but was empty");
        }
        return sample(spark.read().parquet(paths), String.join(",", paths));
    }

    /**
     * The sample of {@code rows}.
     *
     * @param source what to call the data in messages and in the plan (a path, or "dataset")
     * @throws DataException            if the target column is absent, or has no value
     * @throws IllegalArgumentException if a column has a type the engine cannot read (naming it), or a classification
     *                                  target has more than {@value #MAX_CLASSES} classes
     * @throws IllegalStateException    if the driver's heap holds fewer than {@value #MIN_SAMPLE_ROWS} rows of this
     *                                  width, saying what to raise
     */
    public DriverSample sample(Dataset<Row> rows, String source) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(source, "source");
        StructField[] fields = rows.schema().fields();
        List<String> names = Arrays.asList(rows.schema().fieldNames());
        if (!names.contains(target)) {
            throw new DataException("column '" + target + "' not found in " + source + "; columns are " + names);
        }
        for (int i = 0; i < fields.length; i++) {
            ColumnReader.of(fields[i], i);   // refuses an unreadable column before any pass over the data
        }
        DataType targetType = rows.schema().apply(target).dataType();
        Column labelled = functions.col(target).isNotNull();
        if (targetType instanceof DoubleType || targetType instanceof FloatType) {
            labelled = labelled.and(functions.not(functions.isnan(functions.col(target))));
        }
        // Pass 1: counts, the target's distinct values (approximate, exact when few) and the mean length of each text
        // column, for the row's width.
        List<Column> stats = new ArrayList<>(List.of(functions.count(functions.lit(1)),
                functions.sum(functions.when(labelled, 1).otherwise(0)),
                functions.approx_count_distinct(functions.when(labelled, functions.col(target)))));
        List<String> textColumns = Arrays.stream(fields).filter(f -> f.dataType() instanceof StringType).map(StructField::name).toList();
        textColumns.forEach(c -> stats.add(functions.avg(functions.length(functions.col(c)))));
        Row counts = rows.agg(stats.get(0), stats.subList(1, stats.size()).toArray(Column[]::new)).head();
        long total = counts.getLong(0);
        long withTarget = counts.isNullAt(1) ? 0 : counts.getLong(1);
        if (withTarget == 0) {
            throw new DataException("column '" + target + "' of " + source + " has no value in its " + total + " rows");
        }
        long bytesPerRow = 0;
        for (StructField f : fields) {
            int t = textColumns.indexOf(f.name());
            bytesPerRow += ColumnReader.cellBytes(f.dataType(), t < 0 || counts.isNullAt(3 + t) ? 0 : counts.getDouble(3 + t));
        }
        long free = freeHeapBytes.orElseGet(SampleSize::freeHeapBytes);
        long capacity = SampleSize.rows(free, heapFraction, multiplier, Math.max(1, bytesPerRow), maxRows);
        Dataset<Row> data = rows.filter(labelled);
        boolean classification = isClassification(targetType, counts.getLong(2));
        Map<Object, Long> classes = classification ? classCounts(data, source) : Map.of();
        boolean sample = withTarget > capacity;
        if (sample && capacity < MIN_SAMPLE_ROWS) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the driver's free heap (%d MiB) holds "
                    + "only %d rows of %s (~%d bytes a row, %.0f%% of the heap, %.1fx for the search), but a sample needs "
                    + "at least %d; raise spark.driver.memory, the sampler's heapFraction, or select fewer columns",
                    free >> 20, capacity, source, bytesPerRow, heapFraction * 100, multiplier, MIN_SAMPLE_ROWS));
        }
        Dataset<Row> taken = !sample ? data : classification
                ? data.stat().sampleBy(target, fractions(classes, capacity, withTarget), seed)
                : data.sample(false, (double) capacity / withTarget, seed);
        Table table = SparkTables.toTable(taken, tableName(source));
        TaskData taskData = TaskData.of(table, target, task, source);
        SamplePlan plan = new SamplePlan(source, total, withTarget, capacity, table.rowCount(), bytesPerRow, free,
                heapFraction, multiplier, sample && classification, text(classes),
                classification ? tableClassCounts(table) : Map.of());
        LOG.info("{}", plan.summary());
        return new DriverSample(taskData, plan);
    }

    // The engine's rule on the sample decides the task in the end; this only picks how to sample: a named task, else a
    // non-numeric target or a numeric one of at most two values is classification.
    private boolean isClassification(DataType targetType, long distinct) {
        if (task != null) {
            return !task.equals(Tasks.REGRESSION);
        }
        return !(targetType instanceof NumericType) || distinct <= 2;
    }

    private Map<Object, Long> classCounts(Dataset<Row> data, String source) {
        List<Row> rows = data.groupBy(target).count().limit(MAX_CLASSES + 1).collectAsList();
        if (rows.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("target '" + target + "' of " + source + " has more than " + MAX_CLASSES
                    + " classes; a classification target must have fewer (is it a regression target? set the task)");
        }
        Map<Object, Long> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get(0), r.getLong(1)));
        return out;
    }

    // Each class's share of the sample is its share of the data; a class too rare to keep minClassRows that way keeps
    // up to minClassRows (all of it if smaller), so that no class vanishes from the search.
    private Map<Object, Double> fractions(Map<Object, Long> classes, long capacity, long rows) {
        double f = (double) capacity / rows;
        Map<Object, Double> out = new LinkedHashMap<>();
        classes.forEach((label, n) -> out.put(label, Math.min(1.0, Math.max(f, (double) minClassRows / n))));
        return out;
    }

    private static Map<String, Long> text(Map<Object, Long> classes) {
        Map<String, Long> out = new LinkedHashMap<>();
        classes.forEach((label, n) -> out.merge(String.valueOf(label), n, Long::sum));
        return out;
    }

    private Map<String, Long> tableClassCounts(Table table) {
        Map<String, Long> out = new LinkedHashMap<>();
        tech.tablesaw.columns.Column<?> c = table.column(target);
        for (int r = 0; r < c.size(); r++) {
            out.merge(String.valueOf(Cells.text(c, r)), 1L, Long::sum);
        }
        return out;
    }

    private static String tableName(String source) {
        String s = source.replaceAll("/+$", "");
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** The settings of a {@link DriverSampler}; defaults suit a driver that does nothing else while it searches. */
    public static final class Builder {
        private final String target;
        private String task;
        private long seed;
        private double heapFraction = 0.5;
        private double multiplier = 10;
        private long maxRows = Long.MAX_VALUE;
        private int minClassRows = 20;
        private OptionalLong freeHeapBytes = OptionalLong.empty();

        private Builder(String target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /** The task ({@code binary}, {@code multiclass}, {@code regression}); by default read from the target. */
        public Builder task(String label) {
            this.task = Tasks.parseLabel(Objects.requireNonNull(label, "label"));
            return this;
        }

        /** The sampling seed (default 0): the same seed and input partitions give the same sample. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The share of the driver's free heap for the search's data, in (0, 1] (default 0.5). */
        public Builder heapFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("heapFraction must be in (0, 1], but was " + fraction);
            }
            this.heapFraction = fraction;
            return this;
        }

        /** Bytes the search holds per byte of the sampled table, at least 1 (default 10). */
        public Builder memoryMultiplier(double multiplier) {
            if (!(multiplier >= 1 && Double.isFinite(multiplier))) {
                throw new IllegalArgumentException("memoryMultiplier must be a finite number >= 1, but was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** At most this many rows, however large the heap (default: no cap). */
        public Builder maxRows(long rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxRows must be >= 1, but was " + rows);
            }
            this.maxRows = rows;
            return this;
        }

        /** Rows a rare class keeps in a stratified sample, or all of it if it has fewer (default 20; 0: its share). */
        public Builder minClassRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("minClassRows must be >= 0, but was " + rows);
            }
            this.minClassRows = rows;
            return this;
        }

        /** The free heap to size the sample by, instead of the driver's measured one (for a shared driver, or tests). */
        public Builder freeHeapBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("freeHeapBytes must be >= 0, but was " + bytes);
            }
            this.freeHeapBytes = OptionalLong.of(bytes);
            return this;
        }

        /** The sampler. */
        public DriverSampler build() {
            return new DriverSampler(this);
        }
    }
}
