package automl4j.scoring;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import automl4j.featurize.FittedTransform;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Pipelines fitted by the engine for the scoring tests: the churn table of {@link EngineTables} with a binary target
 * ({@code churned}), a three-class target ({@code segment}: the plan, missing read as basic) and a regression target
 * ({@code age}), each fitted on the first {@link #FIT_ROWS} rows so that the rest are unseen.
 */
final class EnginePipelines {
    static final int FIT_ROWS = 300;
    static final int ROWS = 420;

    /** Every row: the first {@link #FIT_ROWS} fitted on, the rest unseen. */
    static final Table TABLE = withSegment(EngineTables.training(ROWS));
    static final Target BINARY = EngineTables.CHURN;
    static final Target MULTICLASS = new Target("segment", new Classification(List.of("basic", "plus", "pro")));
    static final Target REGRESSION = new Target("age", new Regression());

    private EnginePipelines() {
    }

    private static Table withSegment(Table t) {
        StringColumn segment = StringColumn.create("segment");
        for (int r = 0; r < t.rowCount(); r++) {
            segment.append(t.column("plan").isMissing(r) ? "basic" : t.stringColumn("plan").get(r));
        }
        return t.addColumns(segment);
    }

    /** The table a model of {@code target} sees: the other targets removed (the multiclass one is read from plan). */
    static Table inputs(Target target) {
        List<String> others = List.of(BINARY.name(), MULTICLASS.name(), REGRESSION.name()).stream()
                .filter(n -> !n.equals(target.name())).toList();
        Table t = TABLE.rejectColumns(others.toArray(String[]::new));
        return target == MULTICLASS ? t.rejectColumns("plan") : t;
    }

    static double[] labels(Table table, Target target, int rows) {
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = target.task() instanceof Regression ? table.numberColumn(target.name()).getDouble(r)
                    : target.classes().indexOf(table.column(target.name()).getUnformattedString(r));
        }
        return y;
    }

    static FittedTransform transform(Target target, FeaturizerOptions options) {
        Table t = inputs(target);
        int[] rows = IntStream.range(0, FIT_ROWS).toArray();
        return new TabularFeaturizer(options).fit(t, rows, target, labels(t, target, FIT_ROWS));
    }

    /** {@code learner} fitted with {@code config} on the fitted rows' features. */
    static Pipeline.Member member(Learner learner, Config config, Target target, FittedTransform transform, double weight) {
        Table t = inputs(target);
        Table fit = t.inRange(0, FIT_ROWS);
        FeatureMatrix x = transform.transform(fit, null);
        FittedModel model = learner.fit(new TrainingSet(x, Labels.of(labels(t, target, FIT_ROWS)), target), config,
                FitContext.of(7, 1));
        return new Pipeline.Member(transform, model, config, weight);
    }

    static Pipeline single(Learner learner, Target target) {
        FittedTransform transform = transform(target, FeaturizerOptions.defaults());
        Config config = learner.defaultConfig(target.task());
        return new Pipeline(target, List.of(member(learner, config, target, transform, 1.0)), config, Map.of("kind", "test"));
    }

    static boolean supports(Learner learner, Task task) {
        return learner.tasks().stream().anyMatch(c -> c.isInstance(task));
    }
}
