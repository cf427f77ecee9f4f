package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learners.lightgbm.LightgbmLearner;
import automl4j.learners.xgboost.XgboostLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The batch path of the XGBoost and LightGBM evaluators (trees walked tree by tree over blocks of rows) gives each row
 * the engine's bits: every task, dense rows with NaN and -0.0 cells, sparse rows whose zeros are missing, and a batch
 * that is not a whole number of blocks.
 */
class GbtBatchTest {
    private static final int TRAIN = 600;
    private static final int TEST = 1000;

    @Test
    void batchesPredictTheEnginesBits() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        List<Learner> learners = List.of(new XgboostLearner(), new LightgbmLearner());
        for (Learner learner : learners) {
            Function<MemberPayload, MemberModel> reader = learner.id().equals("xgboost") ? XgboostMember::load : LightgbmMember::load;
            for (Task task : GbtCases.TASKS) {
                for (boolean sparse : new boolean[] {false, true}) {
                    float[] x = sparse ? GbtCases.mostlyZero(TRAIN, 21) : GbtCases.dense(TRAIN, 21, 0.1);
                    float[] t = sparse ? GbtCases.mostlyZero(TEST, 22) : GbtCases.dense(TEST, 22, 0.1);
                    FeatureMatrix train = sparse ? GbtCases.sparse(x, TRAIN) : FeatureMatrix.of(x, TRAIN, GbtCases.NAMES);
                    FeatureMatrix test = sparse ? GbtCases.sparse(t, TEST) : FeatureMatrix.of(t, TEST, GbtCases.NAMES);
                    FittedModel model = MemberChecks.fit(learner, GbtCases.training(task, x, train, 23), Map.of("n_estimators", 50));
                    ModelArtifact artifact = model.export();
                    MemberModel member = reader.apply(GbtCases.payload(artifact, task, sparse));
                    double[] engine = model.predict(test).toFlat();
                    float[][] rows = new float[TEST - 3][];   // 997: the last block is partial
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = GbtCases.row(t, i);
                    }
                    double[][] got = member.predict(rows);
                    int width = engine.length / TEST;
                    for (int i = 0; i < rows.length; i++) {
                        for (int k = 0; k < width; k++) {
                            compared++;
                            if (Double.doubleToRawLongBits(got[i][k]) != Double.doubleToRawLongBits(engine[i * width + k])) {
                                problems.add(learner.id() + " " + task.label() + (sparse ? " sparse" : "") + " row " + i
                                        + " output " + k + ": " + got[i][k] + " vs engine " + engine[i * width + k]);
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).as("outputs whose bits differ from the engine's").isEmpty();
        assertThat(compared).isEqualTo(2 * 2 * (TEST - 3) * (2 + 4 + 1));
    }
}
