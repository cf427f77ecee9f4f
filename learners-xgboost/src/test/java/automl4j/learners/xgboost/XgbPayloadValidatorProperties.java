package automl4j.learners.xgboost;

import automl4j.data.Task;
import automl4j.learners.LearnerContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/**
 * Mutants of real payloads: the validator refuses them with an {@link IllegalArgumentException} and nothing else, and
 * whatever it accepts loads into XGBoost and predicts (in this JVM: a native crash would kill the test run, which is
 * the point: the validator must be strong enough that none can happen).
 */
class XgbPayloadValidatorProperties {
    private static final Task[] TASKS = LearnerContract.ALL.toArray(new Task[0]);

    /**
     * Checks {@code payload}; if it passes, loads the checked bytes into XGBoost (as {@link XgboostModel#load} does)
     * and predicts 20 rows of {@code task}'s data on one thread. Returns whether it was refused.
     */
    private static boolean refusedOrPredicts(Task task, byte[] payload) {
        XgbPayloadValidator.Checked checked;
        try {
            checked = XgbPayloadValidator.check(payload, OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return true;
        }
        Booster booster = null;
        DMatrix x = null;
        try {
            booster = XGBoost.loadModel(checked.payload());
            booster.setParam("nthread", 1);
            x = XgbMatrices.of(LearnerContract.data(task, 20, 3).features());
            assertThat(booster.predict(x).length).isEqualTo(20);
        } catch (XGBoostError | java.io.IOException e) {
            throw new AssertionError("XGBoost refused a payload that passed the checks: " + e.getMessage(), e);
        } finally {
            if (x != null) {
                x.dispose();
            }
            if (booster != null) {
                booster.dispose();
            }
        }
        return false;
    }

    @Test
    void byteChangesAreRefusedOrLoadAndPredict() {
        qt().withExamples(1500).forAll(integers().between(0, TASKS.length - 1), longs().all()).checkAssert((t, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] p = XgbModels.payload(TASKS[t]);
            for (int i = 1 + r.nextInt(8); i > 0; i--) {
                int at = r.nextInt(p.length);
                p[at] = r.nextBoolean() ? (byte) (p[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
            }
            refusedOrPredicts(TASKS[t], p);
        });
    }

    @Test
    void randomBytesAreRefused() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] p = new byte[r.nextInt(300)];
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) "{}[]#$LliUIdDSZTFH".charAt(r.nextInt(18));
                if (r.nextInt(4) == 0) {
                    p[i] = (byte) r.nextInt(256);
                }
            }
            assertThat(refusedOrPredicts(LearnerContract.BINARY, p)).isTrue();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void nodeArrayChangesAreRefusedOrLoadAndPredict() {
        String[] arrays = {"left_children", "right_children", "parents", "split_indices", "default_left", "split_type"};
        qt().withExamples(1000).forAll(integers().between(0, TASKS.length - 1), longs().all()).checkAssert((t, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            Map<String, Object> top = (Map<String, Object>) UbjReader.read(XgbModels.payload(TASKS[t]));
            Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    top.get("learner")).get("gradient_booster")).get("model");
            List<Object> trees = (List<Object>) model.get("trees");
            Map<String, Object> tree = (Map<String, Object>) trees.get(r.nextInt(trees.size()));
            UbjReader.Typed a = (UbjReader.Typed) tree.get(arrays[r.nextInt(arrays.length)]);
            int i = r.nextInt(a.length());
            int v = r.nextInt(-3, a.length() + 3);
            if (a.array() instanceof int[]) {
                ((int[]) a.array())[i] = r.nextInt(8) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : v;
            } else {
                ((byte[]) a.array())[i] = (byte) r.nextInt(-1, 3);
            }
            refusedOrPredicts(TASKS[t], UbjTestEncoder.encode(top));
        });
    }
}
