package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tribuo-extra-trees} predicted from {@link TribuoForest}'s arrays, a batch at a time, has the engine's bits for
 * many rows: every task, dense and sparse rows, the default and a small forest. {@link TribuoMemberModelTest} covers
 * the rows the arrays hand back to Tribuo (NaN cells, sparse rows without a stored cell) one by one.
 */
class TribuoForestTest {
    private static final int ROWS = 2000;

    @Test
    void extraTreesFromArraysHaveTheEnginesBits() {
        Learner learner = new TribuoExtraTreesLearner();
        int compared = 0;
        for (Task task : List.of(TribuoMemberModelTest.BINARY, TribuoMemberModelTest.MULTICLASS, TribuoMemberModelTest.REGRESSION)) {
            for (boolean sparse : new boolean[] {false, true}) {
                FeatureMatrix x = TribuoMemberModelTest.matrix(300, 1, sparse, false);
                TrainingSet train = new TrainingSet(x, TribuoMemberModelTest.labels(task, x, 1), new Target("y", task));
                FeatureMatrix rows = TribuoMemberModelTest.matrix(ROWS, 3, sparse, false);
                Config small = Config.builder(learner.id()).with(TribuoExtraTreesLearner.N_TREES, 11)
                        .with(TribuoExtraTreesLearner.MAX_DEPTH, 4).with(TribuoExtraTreesLearner.MIN_CHILD_WEIGHT, 3.0)
                        .with(TribuoExtraTreesLearner.FEATURE_FRACTION, 0.9).build();
                for (Config config : List.of(learner.defaultConfig(task), small)) {
                    FittedModel fitted = learner.fit(train, config, FitContext.of(11, 1));
                    ModelArtifact artifact = fitted.export();
                    TribuoMemberModel member = (TribuoMemberModel) TribuoMemberModel.load(
                            TribuoMemberModelTest.payload(artifact, rows.names(), sparse));
                    assertThat(member.usesArrays()).as("%s %s", task.label(), config).isTrue();
                    compared += compare(learner.load(artifact).predict(rows).toFlat(), member, rows, task + " " + config);
                }
            }
        }
        assertThat(compared).isEqualTo(ROWS * 2 * 2 * (2 + 4 + 1));
    }

    @Test
    void otherTribuoModelsAreLeftToTribuo() {
        Task task = TribuoMemberModelTest.BINARY;
        FeatureMatrix x = TribuoMemberModelTest.matrix(300, 1, false, false);
        TrainingSet train = new TrainingSet(x, TribuoMemberModelTest.labels(task, x, 1), new Target("y", task));
        Learner learner = new TribuoLinearSgdLearner();
        ModelArtifact artifact = learner.fit(train, learner.defaultConfig(task), FitContext.of(7, 1)).export();
        TribuoMemberModel member = (TribuoMemberModel) TribuoMemberModel.load(
                TribuoMemberModelTest.payload(artifact, x.names(), false));
        assertThat(member.usesArrays()).isFalse();
    }

    private static int compare(double[] engine, MemberModel member, FeatureMatrix rows, String where) {
        float[][] batch = new float[rows.rows()][];
        for (int r = 0; r < batch.length; r++) {
            batch[r] = rows.row(r);
        }
        double[][] got = member.predict(batch);
        int width = engine.length / rows.rows();
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < batch.length; r++) {
            for (int k = 0; k < width; k++) {
                if (Double.doubleToRawLongBits(got[r][k]) != Double.doubleToRawLongBits(engine[r * width + k])) {
                    mismatches.add(where + " row " + r + " output " + k + ": " + got[r][k] + " vs engine " + engine[r * width + k]);
                }
            }
        }
        assertThat(mismatches).as("outputs whose bits differ from the engine's").isEmpty();
        return batch.length * width;
    }
}
