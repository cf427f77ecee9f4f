package automl4j.serving;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Model files written by the engine for the server tests: XGBoost on the default churn dataset, binary ({@code churned})
 * or regression ({@code monthly_fee}), fitted on a range of rows so that two ranges give two models that predict
 * differently.
 */
final class TestModels {
    static final Table TABLE = DefaultDataset.generate(400, 5);
    static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));
    static final Target FEE = new Target("age", new Regression());

    private TestModels() {
    }

    /** A binary model fitted on rows {@code [from, to)}, written to {@code dir/name}. */
    static Path binary(Path dir, String name, int from, int to) {
        return write(dir.resolve(name), CHURN, TABLE, from, to);
    }

    /** A regression model of the age, the churn column removed, written to {@code dir/name}. */
    static Path regression(Path dir, String name) {
        return write(dir.resolve(name), FEE, TABLE.rejectColumns(DefaultDataset.TARGET), 0, 300);
    }

    /** Rows {@code [from, to)} as a client sends them: numbers as Double, text as String, missing as null. */
    static List<Map<String, Object>> rows(int from, int to) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = from; r < to; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column<?> c : TABLE.columns()) {
                if (!c.name().equals(DefaultDataset.TARGET)) {
                    row.put(c.name(), c.isMissing(r) ? null : c.get(r));
                }
            }
            out.add(row);
        }
        return out;
    }

    private static Path write(Path file, Target target, Table table, int from, int to) {
        int[] rows = IntStream.range(from, to).toArray();
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = target.task() instanceof Regression ? table.numberColumn(target.name()).getDouble(rows[i])
                    : target.classes().indexOf(table.column(target.name()).getUnformattedString(rows[i]));
        }
        FittedTransform transform = new TabularFeaturizer(FeaturizerOptions.defaults()).fit(table, rows, target, y);
        Learner learner = new XgboostLearner();
        Config config = learner.defaultConfig(target.task());
        FittedModel model = learner.fit(new TrainingSet(transform.transform(table.inRange(from, to), null), Labels.of(y), target),
                config, FitContext.of(7, 1));
        Pipeline pipeline = new Pipeline(target, List.of(new Pipeline.Member(transform, model, config, 1.0)), config,
                Map.of("kind", "serving-test"));
        try {
            PipelineBundle.write(pipeline, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
