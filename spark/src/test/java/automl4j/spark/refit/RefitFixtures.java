package automl4j.spark.refit;

import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The module's tests' local Spark, frames of tables, and single-JVM fits of the engine's learners to compare with.
 * Public for the tests of the other packages (scoring, trials, the standalone cluster's integration test).
 */
public final class RefitFixtures {
    private RefitFixtures() {
    }

    /** {@code local[2]} on the loopback interface, no UI: two task slots, so a barrier stage of two tasks. */
    public static SparkSession start(String app) {
        return SparkSession.builder().master("local[2]").appName(app)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** The rows of {@code table} (text and double columns; missing cells null) in {@code partitions} partitions. */
    public static Dataset<Row> frame(SparkSession spark, Table table, int partitions) {
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

    /** The learner {@code id} as the engine discovers it. */
    public static Learner learner(String id) {
        return Learners.byId(Learners.discovered()).get(id);
    }

    /** {@code id}'s default config with {@code overrides}. */
    public static Config config(String id, Target target, Map<String, Object> overrides) {
        Map<String, Object> values = new TreeMap<>(learner(id).defaultConfig(target.task()).values());
        values.putAll(overrides);
        return Config.of(id, values);
    }

    /** The featurizer fitted on every row of {@code table} with a target. */
    public static FittedTransform featurizer(Table table, Target target) {
        int[] rows = labelled(table, target);
        double[] y = target.task().encode(table.column(target.name()), rows, "rows");
        return new TabularFeaturizer(FeaturizerOptions.defaults()).fit(table, rows, target, y);
    }

    /** The rows of {@code table} whose target is not missing. */
    public static int[] labelled(Table table, Target target) {
        Column<?> y = table.column(target.name());
        return IntStream.range(0, table.rowCount()).filter(i -> !y.isMissing(i)).toArray();
    }

    /** A member of {@code config} fitted on every row of {@code table} with a target through {@code transform}, in this JVM. */
    public static Pipeline.Member fitted(Table table, Target target, FittedTransform transform, Config config, double weight) {
        int[] rows = labelled(table, target);
        double[] y = target.task().encode(table.column(target.name()), rows, "rows");
        TrainingSet data = new TrainingSet(transform.transform(table, rows), Labels.of(y), target);
        return new Pipeline.Member(transform, learner(config.learner()).fit(data, config, FitContext.of(7, 1)), config, weight);
    }
}
