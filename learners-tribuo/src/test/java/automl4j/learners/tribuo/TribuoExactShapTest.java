package automl4j.learners.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.LearnerContract;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import com.google.protobuf.Any;
import org.junit.jupiter.api.Test;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.WeightedEnsembleModelProto;

/**
 * Which Tribuo models compute exact SHAP values, in which space, and two properties the learner contract's local
 * accuracy check does not cover: a column no model reads gets 0, and tree covers counted from the background make the
 * base value the mean prediction over the background.
 */
class TribuoExactShapTest {
    /** Space per learner and task; absent: not exact (LIBLINEAR's multiclass logistic regression is one-vs-rest). */
    private static final Map<String, List<String>> SPACES = Map.of(
            "tribuo-extra-trees", List.of("probability", "probability", "value"),
            "tribuo-linear-sgd", List.of("log-odds", "margin", "value"),
            "tribuo-liblinear", List.of("log-odds", "", "value"));

    private static List<Learner> learners() {
        return List.of(new TribuoExtraTreesLearner(), new TribuoLinearSgdLearner(), new TribuoLibLinearLearner());
    }

    @Test
    void treeAndLinearModelsAreExplainedExactlyInTheirOwnSpace() {
        for (Learner l : learners()) {
            for (int t = 0; t < LearnerContract.ALL.size(); t++) {
                Task task = LearnerContract.ALL.get(t);
                TrainingSet train = LearnerContract.data(task, 120, 3);
                FittedModel model = l.fit(train, l.defaultConfig(task), FitContext.of(1, 1));
                String space = SPACES.get(l.id()).get(t);
                for (FittedModel m : List.of(model, l.load(model.export()))) {
                    assertThat(m instanceof ExactShap).as("%s %s", l.id(), task.label()).isEqualTo(!space.isEmpty());
                    if (m instanceof ExactShap e) {
                        assertThat(e.shap(train.features().select(new int[] {0, 1}), train.features()).space()).isEqualTo(space);
                    }
                }
            }
        }
    }

    @Test
    void aColumnThatIsZeroInEveryTrainingRowGetsZero() {
        for (Learner l : learners()) {
            for (Task task : List.of(LearnerContract.BINARY, LearnerContract.REGRESSION)) {
                TrainingSet train = withZeroColumn(LearnerContract.data(task, 150, 4), 2);
                FeatureMatrix rows = LearnerContract.data(task, 20, 5).features();   // column 2 is not zero here
                ShapValues shap = ((ExactShap) l.fit(train, l.defaultConfig(task), FitContext.of(2, 1)))
                        .shap(rows, train.features());
                for (int r = 0; r < rows.rows(); r++) {
                    assertThat(shap.value(r, 2, 0)).as("%s %s row %d", l.id(), task.label(), r).isEqualTo(0.0);
                    assertThat(Math.abs(shap.value(r, 0, 0))).as("%s %s row %d", l.id(), task.label(), r).isGreaterThan(0.0);
                }
            }
        }
    }

    @Test
    void treeCoversCountedFromTheBackgroundMakeTheBaseValueItsMeanPrediction() {
        Learner l = new TribuoExtraTreesLearner();
        for (Task task : LearnerContract.ALL) {
            TrainingSet train = LearnerContract.data(task, 150, 8);
            FittedModel model = l.fit(train, l.defaultConfig(task), FitContext.of(4, 1));
            FeatureMatrix background = LearnerContract.data(task, 60, 9).features();
            ShapValues shap = ((ExactShap) model).shap(background.select(new int[] {0}), background);
            Predictions p = model.predict(background);
            for (int k = 0; k < shap.outputs().size(); k++) {
                double mean = 0;
                for (int r = 0; r < p.size(); r++) {
                    mean += task instanceof Regression ? p.value(r) : p.probabilities(r)[k];
                }
                assertThat(shap.base(k)).as("%s output %d", task.label(), k).isCloseTo(mean / p.size(), within(1e-12));
            }
        }
    }

    @Test
    void anEnsembleLoadedWithUnequalWeightsIsExplainedAsTheirWeightedMean() throws Exception {
        Learner l = new TribuoExtraTreesLearner();
        for (Task task : List.of(LearnerContract.MULTICLASS, LearnerContract.REGRESSION)) {
            TrainingSet train = LearnerContract.data(task, 150, 10);
            ModelArtifact a = l.fit(train, l.defaultConfig(task), FitContext.of(5, 1)).export();
            FittedModel weighted = l.load(withWeights(a, i -> 1f + i % 4));
            FeatureMatrix rows = LearnerContract.data(task, 20, 11).features();
            Predictions p = weighted.predict(rows);
            assertThat(LearnerContract.flatten(p)).isNotEqualTo(LearnerContract.flatten(l.load(a).predict(rows)));
            ShapValues shap = ((ExactShap) weighted).shap(rows, train.features());
            for (int r = 0; r < rows.rows(); r++) {
                double[] expected = task instanceof Regression ? new double[] {p.value(r)} : p.probabilities(r);
                for (int k = 0; k < expected.length; k++) {
                    assertThat(shap.output(r, k)).as("%s row %d output %d", task.label(), r, k).isCloseTo(expected[k], within(1e-9));
                }
            }
            // A weight of 0 makes the output no weighted mean of positive weights: left to sampling.
            assertThat(l.load(withWeights(a, i -> i == 0 ? 0f : 1f))).isNotInstanceOf(ExactShap.class);
        }
    }

    @Test
    void rowsOfAnotherWidthThanTheBackgroundAreRefused() {
        Learner l = new TribuoExtraTreesLearner();
        TrainingSet train = LearnerContract.data(LearnerContract.BINARY, 100, 1);
        ExactShap model = (ExactShap) l.fit(train, l.defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1));
        FeatureMatrix narrow = FeatureMatrix.of(new float[] {1, 2}, 1, List.of("a", "b"));
        assertThatThrownBy(() -> model.shap(train.features(), narrow)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("background rows");
    }

    /** {@code a} with its ensemble's member {@code i} weighted {@code weight.apply(i)}. */
    private static ModelArtifact withWeights(ModelArtifact a, IntFunction<Float> weight) throws Exception {
        ModelProto proto = ModelProto.parseFrom(a.payload());
        WeightedEnsembleModelProto e = proto.getSerializedData().unpack(WeightedEnsembleModelProto.class);
        WeightedEnsembleModelProto.Builder b = e.toBuilder().clearWeights();
        for (int i = 0; i < e.getWeightsCount(); i++) {
            b.addWeights(weight.apply(i));
        }
        byte[] payload = proto.toBuilder().setSerializedData(Any.pack(b.build())).build().toByteArray();
        return new ModelArtifact(a.learnerId(), a.format(), a.properties(), payload);
    }

    private static TrainingSet withZeroColumn(TrainingSet data, int column) {
        FeatureMatrix x = data.features();
        float[] values = x.toArray();
        for (int r = 0; r < x.rows(); r++) {
            values[r * x.columns() + column] = 0f;
        }
        return new TrainingSet(FeatureMatrix.of(values, x.rows(), x.names()), data.labels(), data.target());
    }
}
