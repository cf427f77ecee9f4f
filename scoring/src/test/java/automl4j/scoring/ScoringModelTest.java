package automl4j.scoring;

import automl4j.AutoMlModel;
import automl4j.data.Target;
import automl4j.export.PipelineBundle;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.learn.BaselineLearner;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.pipeline.DecisionThreshold;
import automl4j.featurize.FittedTransform;
import automl4j.pipeline.Pipeline;
import automl4j.pipeline.Stack;
import automl4j.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model file written by the engine predicts the same in {@link ScoringModel} as in the engine's {@link AutoMlModel},
 * to the last bit: every learner on the classpath for every task it supports, weighted and stacked ensembles, a
 * decision threshold, fitted and unseen rows, rows with missing and unseen values.
 */
class ScoringModelTest {
    @TempDir
    Path dir;

    static Stream<Arguments> learnersAndTasks() {
        List<Arguments> out = new ArrayList<>();
        List<Learner> learners = new ArrayList<>(Learners.discovered());
        learners.add(new BaselineLearner());
        for (Learner l : learners) {
            for (Target t : List.of(EnginePipelines.BINARY, EnginePipelines.MULTICLASS, EnginePipelines.REGRESSION)) {
                if (EnginePipelines.supports(l, t.task())) {
                    out.add(Arguments.of(l.id(), t.name()));
                }
            }
        }
        return out.stream();
    }

    private static Target target(String name) {
        return Stream.of(EnginePipelines.BINARY, EnginePipelines.MULTICLASS, EnginePipelines.REGRESSION)
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Learner learner(String id) {
        // The baseline is the engine's fallback, not a plug-in: it is not among the discovered learners.
        return id.equals(BaselineLearner.ID) ? new BaselineLearner() : Learners.byId(Learners.discovered()).get(id);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("learnersAndTasks")
    void everyLearnerPredictsAsTheEngine(String learnerId, String targetName) throws IOException {
        Target target = target(targetName);
        assertSameAsEngine(EnginePipelines.single(learner(learnerId), target), target);
    }

    @Test
    void weightedEnsembleStackAndThresholdPredictAsTheEngine() throws IOException {
        for (Target target : List.of(EnginePipelines.BINARY, EnginePipelines.MULTICLASS, EnginePipelines.REGRESSION)) {
            FittedTransform shared = EnginePipelines.transform(target, FeaturizerOptions.defaults());
            FittedTransform other = EnginePipelines.transform(target, FeaturizerOptions.builder().scaling(FeaturizerOptions.Scaling.ROBUST).lowCardinality(FeaturizerOptions.LowCardinalityEncoding.TARGET).build());
            List<Pipeline.Member> members = new ArrayList<>();
            double[] weights = {0.5, 0.3, 0.2};
            int k = 0;
            for (Learner l : Learners.discovered()) {
                if (EnginePipelines.supports(l, target.task()) && k < weights.length && !l.id().equals("baseline")) {
                    members.add(EnginePipelines.member(l, l.defaultConfig(target.task()), target, k == 1 ? other : shared, weights[k]));
                    k++;
                }
            }
            Config ensemble = Config.of("ensemble", Map.of());
            assertSameAsEngine(new Pipeline(target, members, ensemble, Map.of("kind", "average")), target);
            int width = target.task().predictionWidth();
            List<Double> bias = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                bias.add(0.1 * (c + 1) - 0.15);
            }
            Stack stack = new Stack(1.3, bias);
            assertSameAsEngine(new Pipeline(target, members, ensemble, Map.of("kind", "stack"), stack), target);
            if (target == EnginePipelines.BINARY) {
                assertSameAsEngine(new Pipeline(target, members, ensemble, Map.of("kind", "threshold"), null,
                        new DecisionThreshold(0.31, "test")), target);
            }
        }
    }

    private void assertSameAsEngine(Pipeline pipeline, Target target) throws IOException {
        Path file = dir.resolve("model-" + System.nanoTime() + ".automl");
        PipelineBundle.write(pipeline, file);
        Table rows = EnginePipelines.inputs(target).rejectColumns(target.name());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            cells.add(EngineTables.row(rows, r));
        }
        Predictions expected = AutoMlModel.load(file).predict(rows);
        ScoringModel model = ScoringModel.load(file);
        BatchPredictions batch = model.predictRows(cells);
        for (int r = 0; r < rows.rowCount(); r++) {
            Prediction one = model.predict(cells.get(r));
            assertThat(batch.get(r)).isEqualTo(one);
            String where = pipeline.config().learner() + " " + target.name() + " row " + r;
            if (expected.hasProbabilities()) {
                assertThat(bits(one.probabilities())).as(where).isEqualTo(bits(expected.probabilities(r)));
                assertThat(one.label()).as(where).isEqualTo(expected.label(r));
            } else {
                assertThat(Double.doubleToRawLongBits(one.value())).as(where)
                        .isEqualTo(Double.doubleToRawLongBits(expected.value(r)));
            }
        }
    }

    private static long[] bits(double[] p) {
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.doubleToRawLongBits(p[i]);
        }
        return out;
    }

    @Test
    void describesItsInputsAndItself() throws IOException {
        Pipeline p = EnginePipelines.single(learner("baseline"), EnginePipelines.BINARY)
                .withDecision(new DecisionThreshold(0.4, "f1"));
        Path file = dir.resolve("model.automl");
        PipelineBundle.write(p, file);
        ScoringModel model;
        try (InputStream in = Files.newInputStream(file)) {
            model = ScoringModel.load(in, "churn.automl");
        }
        ModelMetadata m = model.metadata();
        assertThat(m.formatVersion()).isEqualTo(5);
        assertThat(m.target()).isEqualTo("churned");
        assertThat(m.task()).isEqualTo("binary");
        assertThat(m.classes()).containsExactly("no", "yes");
        assertThat(m.members()).containsExactly(new ModelMetadata.Member("baseline", 1.0));
        assertThat(m.decisionThreshold()).hasValue(0.4);
        assertThat(m.stacked()).isFalse();
        assertThat(m.info()).containsEntry("kind", "test");
        InputSchema s = model.schema();
        assertThat(s.column("plan")).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo("categorical");
            assertThat(c.used()).isTrue();
            assertThat(c.categories()).containsExactlyInAnyOrder("basic", "plus", "pro");
        });
        assertThat(s.column("tenure_months")).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo("numeric"));
        assertThat(s.column("age")).as("the regression target, not an input here").isEmpty();
        assertThat(s.column("customer_id")).hasValueSatisfying(c -> assertThat(c.used()).isFalse());
        assertThat(s.column("churned")).isEmpty();
        assertThat(s.usedColumns()).contains("tenure_months", "plan").doesNotContain("customer_id");
    }

    @Test
    void refusesRowsItCannotRead() throws IOException {
        Path file = dir.resolve("model.automl");
        PipelineBundle.write(EnginePipelines.single(learner("baseline"), EnginePipelines.BINARY), file);
        ScoringModel model = ScoringModel.load(file);
        Map<String, Object> row = new HashMap<>(EngineTables.row(EnginePipelines.inputs(EnginePipelines.BINARY), 0));
        row.remove("noise");
        assertThatThrownBy(() -> model.predict(row)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[noise]").hasMessageContaining("missing");
        Map<String, Object> later = new HashMap<>(row);
        later.put("noise", null);
        later.put("tenure_months", List.of(3));
        assertThatThrownBy(() -> model.predictRows(List.of(later, later))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("row 0: ").hasMessageContaining("tenure_months");
        Map<String, List<?>> columns = new HashMap<>();
        for (String c : model.schema().usedColumns()) {
            columns.put(c, List.of(1.0, 2.0));
        }
        columns.put("noise", List.of(1.0));
        assertThatThrownBy(() -> model.predictColumns(columns)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one cell per row");
    }

    @Test
    void oneModelServesManyThreadsWithTheSameResults() throws Exception {
        Target target = EnginePipelines.MULTICLASS;
        FittedTransform transform = EnginePipelines.transform(target, FeaturizerOptions.defaults());
        List<Pipeline.Member> members = new ArrayList<>();
        double[] weights = {0.4, 0.3, 0.2, 0.1};
        int k = 0;
        for (String id : List.of("xgboost", "tribuo-extra-trees", "tribuo-liblinear", "smile-knn")) {
            Learner l = learner(id);
            members.add(EnginePipelines.member(l, l.defaultConfig(target.task()), target, transform, weights[k++]));
        }
        Path file = dir.resolve("ensemble.automl");
        PipelineBundle.write(new Pipeline(target, members, Config.of("ensemble", Map.of()), Map.of()), file);
        ScoringModel model = ScoringModel.load(file);
        Table rows = EnginePipelines.inputs(target).rejectColumns(target.name());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            cells.add(EngineTables.row(rows, r));
        }
        BatchPredictions alone = model.predictRows(cells);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 97;
                futures.add(pool.submit(() -> {
                    List<Prediction> out = new ArrayList<>();
                    for (int i = 0; i < cells.size(); i++) {
                        out.add(model.predict(cells.get((i + offset) % cells.size())));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 4; t++) {
                List<Prediction> got = futures.get(t).get();
                for (int i = 0; i < cells.size(); i++) {
                    assertThat(got.get(i)).as("thread %d row %d", t, i).isEqualTo(alone.get((i + t * 97) % cells.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void columnsPredictAsRows() throws IOException {
        Path file = dir.resolve("model.automl");
        PipelineBundle.write(EnginePipelines.single(learner("baseline"), EnginePipelines.REGRESSION), file);
        ScoringModel model = ScoringModel.load(file);
        Table rows = EnginePipelines.inputs(EnginePipelines.REGRESSION).rejectColumns("age");
        List<Map<String, Object>> cells = new ArrayList<>();
        Map<String, List<Object>> columns = new HashMap<>();
        for (int r = 0; r < 50; r++) {
            Map<String, Object> row = EngineTables.row(rows, r);
            cells.add(row);
            row.forEach((k, v) -> columns.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        assertThat(model.predictColumns(columns)).isEqualTo(model.predictRows(cells));
    }
}
