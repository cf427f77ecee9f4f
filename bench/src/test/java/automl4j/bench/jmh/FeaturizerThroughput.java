package automl4j.bench.jmh;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FeatureMatrix;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Fit and transform of the tabular featurizer on a synthetic table: {@code rows} rows of 20 numeric columns (5 with 2%
 * missing; three decimals), 10 categorical columns with cardinalities spaced evenly on a log scale from 10 to 100,000,
 * and one ISO date-time text column, with a binary target. Numbers are Tablesaw double columns (as built in code) or,
 * with {@code -p numbers=text}, text (as read from a CSV file); categories and dates are text. The score is seconds per fit+transform of all rows; rows/s is rows divided
 * by it. At tear-down it prints the featurized matrix's bytes against the same data as a dense float matrix.
 * Run with {@code bench/jmh.sh FeaturizerThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class FeaturizerThroughput {
    @Param({"1000000"})
    public int rows;

    /** {@code typed}: numbers in Tablesaw double columns, as built in code; {@code text}: as read from a CSV file. */
    @Param({"typed"})
    public String numbers;

    private Table table;
    private int[] all;
    private double[] labels;
    // Only the size of the last matrix is kept: holding the matrix itself would make every young collection copy it.
    private int lastColumns;
    private long lastBytes;
    private boolean lastSparse;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        table = Table.create("bench");
        double[] signal = new double[rows];
        boolean text = "text".equals(numbers);
        for (int c = 0; c < 20; c++) {
            DoubleColumn col = DoubleColumn.create("num" + c);
            StringColumn asText = StringColumn.create("num" + c);
            for (int i = 0; i < rows; i++) {
                double v = Math.round((r.nextGaussian() * (c + 1) + c) * 1000) / 1000.0;
                if (c < 5 && r.nextDouble() < 0.02) {
                    col.appendMissing();
                    if (text) {
                        asText.appendMissing();
                    }
                } else {
                    col.append(v);
                    if (text) {
                        asText.append(Double.toString(v));
                    }
                    if (c < 3) {
                        signal[i] += v / (c + 1);
                    }
                }
            }
            table.addColumns(text ? asText : col);
        }
        for (int c = 0; c < 10; c++) {
            int cardinality = (int) Math.round(Math.pow(10, 1 + 4.0 * c / 9));
            String[] levels = IntStream.range(0, cardinality).mapToObj(k -> "L" + k).toArray(String[]::new);
            StringColumn col = StringColumn.create("cat" + c);
            for (int i = 0; i < rows; i++) {
                // Skewed frequencies, as real categories have: the square of a uniform draw favours low codes.
                double u = r.nextDouble();
                col.append(levels[(int) (u * u * cardinality)]);
            }
            table.addColumns(col);
        }
        StringColumn date = StringColumn.create("created");
        LocalDateTime start = LocalDateTime.of(2015, 1, 1, 0, 0);
        for (int i = 0; i < rows; i++) {
            date.append(start.plusMinutes(r.nextInt(5_000_000)).toString());
        }
        table.addColumns(date);
        StringColumn y = StringColumn.create("y");
        labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = signal[i] + r.nextGaussian() > 1 ? 1 : 0;
            y.append(labels[i] == 1 ? "yes" : "no");
        }
        table.addColumns(y);
        all = IntStream.range(0, rows).toArray();
    }

    @Benchmark
    public FeatureMatrix fitTransform() {
        FittedTransform f = new TabularFeaturizer().fit(table, all, new Target("y", new Classification(List.of("no", "yes"))), labels);
        FeatureMatrix x = f.transform(table, all);
        lastColumns = x.columns();
        lastBytes = x.bytes();
        lastSparse = x.isSparse();
        return x;
    }

    @TearDown
    public void report() {
        if (lastColumns == 0) {
            return;
        }
        long raw = 31L * 4 * rows;
        long featurizedDense = 4L * lastColumns * rows;
        System.out.printf(Locale.ROOT, "%nfeaturized matrix: %d features, %s, %d bytes = %.2f x the raw 31 columns as dense "
                        + "floats (%d bytes), %.2f x the featurized data as dense floats (%d bytes)%n", lastColumns,
                lastSparse ? "sparse" : "dense", lastBytes, lastBytes / (double) raw, raw,
                lastBytes / (double) featurizedDense, featurizedDense);
    }
}
