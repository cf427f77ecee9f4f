package automl4j.scoring;

import static automl4j.scoring.GbtCases.FEATURES;
import static automl4j.scoring.GbtCases.NAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.lightgbm.LightgbmLearner;
import automl4j.space.Config;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java LightGBM evaluator against LightGBM itself: models fitted by the engine's {@code lightgbm} learner,
 * exported, and evaluated on 2,000 held-out rows (missing cells, zeros, -0.0, rows on split values), raw scores and
 * predictions compared bit for bit.
 */
class LightgbmMemberTest {
    private static final int TRAIN = 1000;
    private static final int TEST = 2000;
    private final LightgbmLearner learner = new LightgbmLearner();

    private record Fitted(FittedModel model, ModelArtifact artifact) {
    }

    private Fitted fit(Task task, Config config, FeatureMatrix features, float[] x, TrainingSet validation) {
        TrainingSet train = GbtCases.training(task, x, features, 21);
        FitContext context = FitContext.of(4, 1);
        FittedModel model = learner.fit(train, config, validation == null ? context : context.withValidation(validation));
        return new Fitted(model, model.export());
    }

    private static Config config(int rounds, int leaves, double rate, int minData, double features, double bagging) {
        return Config.builder("lightgbm").with(LightgbmLearner.N_ESTIMATORS, rounds).with(LightgbmLearner.NUM_LEAVES, leaves)
                .with(LightgbmLearner.LEARNING_RATE, rate).with(LightgbmLearner.MIN_DATA_IN_LEAF, minData)
                .with(LightgbmLearner.FEATURE_FRACTION, features).with(LightgbmLearner.BAGGING_FRACTION, bagging)
                .with(LightgbmLearner.LAMBDA_L1, 1e-3).with(LightgbmLearner.LAMBDA_L2, 1.0).build();
    }

    /** LightGBM's own raw scores of {@code test}, dense or CSR as the engine hands them over. */
    private static double[][] nativeRaw(ModelArtifact a, FeatureMatrix test, int width) {
        SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_double result = lightgbmlib.new_doubleArray((long) test.rows() * width);
        SWIGTYPE_p_float data = null;
        SWIGTYPE_p_int indptr = null;
        SWIGTYPE_p_int indexes = null;
        try {
            check(lightgbmlib.LGBM_BoosterLoadModelFromString(new String(a.payload(), StandardCharsets.US_ASCII), iterations, out));
            SWIGTYPE_p_void booster = lightgbmlib.voidpp_value(out);
            float[] values = test.isSparse() ? test.values() : test.toArray();
            data = lightgbmlib.new_floatArray(Math.max(1, values.length));
            for (int i = 0; i < values.length; i++) {
                lightgbmlib.floatArray_setitem(data, i, values[i]);
            }
            int raw = lightgbmlibConstants.C_API_PREDICT_RAW_SCORE;
            if (test.isSparse()) {
                indptr = ints(test.rowStart());
                indexes = ints(test.indexes());
                check(lightgbmlib.LGBM_BoosterPredictForCSR(booster, lightgbmlib.int_to_voidp_ptr(indptr),
                        lightgbmlibConstants.C_API_DTYPE_INT32, indexes, lightgbmlib.float_to_voidp_ptr(data),
                        lightgbmlibConstants.C_API_DTYPE_FLOAT32, test.rows() + 1, values.length, test.columns(), raw, 0, -1,
                        "num_threads=1", length, result));
            } else {
                check(lightgbmlib.LGBM_BoosterPredictForMat(booster, lightgbmlib.float_to_voidp_ptr(data),
                        lightgbmlibConstants.C_API_DTYPE_FLOAT32, test.rows(), test.columns(), 1, raw, 0, -1,
                        "num_threads=1", length, result));
            }
            check(lightgbmlib.LGBM_BoosterFree(booster));
            double[][] scores = new double[test.rows()][width];
            for (int i = 0; i < test.rows(); i++) {
                for (int k = 0; k < width; k++) {
                    scores[i][k] = lightgbmlib.doubleArray_getitem(result, (long) i * width + k);
                }
            }
            return scores;
        } finally {
            lightgbmlib.delete_voidpp(out);
            lightgbmlib.delete_intp(iterations);
            lightgbmlib.delete_int64_tp(length);
            lightgbmlib.delete_doubleArray(result);
            if (data != null) {
                lightgbmlib.delete_floatArray(data);
            }
            if (indptr != null) {
                lightgbmlib.delete_intArray(indptr);
                lightgbmlib.delete_intArray(indexes);
            }
        }
    }

    private static SWIGTYPE_p_int ints(int[] v) {
        SWIGTYPE_p_int p = lightgbmlib.new_intArray(Math.max(1, v.length));
        for (int i = 0; i < v.length; i++) {
            lightgbmlib.intArray_setitem(p, i, v[i]);
        }
        return p;
    }

    private static void check(int status) {
        if (status != 0) {
            throw new IllegalStateException(lightgbmlib.LGBM_GetLastError());
        }
    }

    private static List<String> compare(String name, Task task, Fitted f, FeatureMatrix test, float[] x, boolean sparse) {
        LightgbmMember member = LightgbmMember.load(GbtCases.payload(f.artifact(), task, sparse));
        int width = task.equals(GbtCases.MULTICLASS) ? 4 : 1;
        double[][] nativeRaw = nativeRaw(f.artifact(), test, width);
        double[] flatRaw = new double[test.rows() * width];
        for (int i = 0; i < test.rows(); i++) {
            System.arraycopy(nativeRaw[i], 0, flatRaw, i * width, width);
        }
        GbtCases.Mismatch raw = GbtCases.compare(flatRaw, test.rows(), x, member::raw);
        GbtCases.Mismatch outputs = GbtCases.compare(f.model().predict(test).toFlat(), test.rows(), x, member::predict);
        System.out.println("lightgbm " + name + ": raw scores " + raw + "; predictions " + outputs);
        List<String> problems = new ArrayList<>();
        if (raw.differing() > 0) {
            problems.add(name + " raw scores: " + raw);
        }
        if (outputs.differing() > 0) {
            problems.add(name + " predictions: " + outputs);
        }
        return problems;
    }

    @Test
    void defaultModelsPredictTheEnginesBits() {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 31, 0.1);
        float[] t = GbtCases.dense(TEST, 32, 0.1);
        for (Task task : GbtCases.TASKS) {
            Fitted f = fit(task, learner.defaultConfig(task), FeatureMatrix.of(x, TRAIN, NAMES), x, null);
            problems.addAll(compare("defaults " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void threeHundredTreesAndOtherHyperparametersPredictTheEnginesBits() {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 33, 0.05);
        float[] t = GbtCases.dense(TEST, 34, 0.05);
        for (Task task : GbtCases.TASKS) {
            Fitted f = fit(task, config(300, 63, 0.05, 3, 0.6, 0.7), FeatureMatrix.of(x, TRAIN, NAMES), x, null);
            int groups = task.equals(GbtCases.MULTICLASS) ? 4 : 1;
            assertThat(LightgbmMember.load(GbtCases.payload(f.artifact(), task, false)).treeCount()).isEqualTo(300 * groups);
            problems.addAll(compare("300 trees " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void sparseInput() {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.mostlyZero(TRAIN, 35);
        float[] t = GbtCases.mostlyZero(TEST, 36);
        for (Task task : GbtCases.TASKS) {
            Fitted f = fit(task, learner.defaultConfig(task), GbtCases.sparse(x, TRAIN), x, null);
            problems.addAll(compare("sparse " + task.label(), task, f, GbtCases.sparse(t, TEST), t, true));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void earlyStoppedModels() {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 37, 0.1);
        float[] v = GbtCases.dense(300, 38, 0.1);
        float[] t = GbtCases.dense(TEST, 39, 0.1);
        for (Task task : GbtCases.TASKS) {
            TrainingSet valid = GbtCases.training(task, v, FeatureMatrix.of(v, 300, NAMES), 22);
            Fitted f = fit(task, config(500, 31, 0.5, 5, 1.0, 1.0), FeatureMatrix.of(x, TRAIN, NAMES), x, valid);
            int kept = Integer.parseInt(f.artifact().properties().get("kept_rounds"));
            assertThat(kept).isBetween(1, 499);
            int groups = task.equals(GbtCases.MULTICLASS) ? 4 : 1;
            assertThat(LightgbmMember.load(GbtCases.payload(f.artifact(), task, false)).treeCount()).isEqualTo(kept * groups);
            problems.addAll(compare("early stopped " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void damagedOrUnsupportedPayloadsAreRefusedNamingTheProblem() {
        float[] x = GbtCases.dense(300, 40, 0.1);
        Task task = GbtCases.BINARY;
        ModelArtifact a = fit(task, config(5, 8, 0.3, 5, 1.0, 1.0), FeatureMatrix.of(x, 300, NAMES), x, null).artifact();
        String text = new String(a.payload(), StandardCharsets.US_ASCII);
        Map<String, String> props = a.properties();

        MemberPayload regression = new MemberPayload(new Manifest.Member(1, 0, "lightgbm", "lightgbm-text", "m", props),
                a.payload(), GbtCases.target(new Regression()), NAMES, false);
        assertThatThrownBy(() -> LightgbmMember.load(regression))
                .hasMessage("lightgbm payload is invalid: objective must be 'regression', but was 'binary sigmoid:1'");

        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, text.replace("objective=binary sigmoid:1",
                "objective=binary sigmoid:2").getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessage("lightgbm payload is invalid: objective must be 'binary sigmoid:1', but was 'binary sigmoid:2'");

        String split = line(text, "split_feature=");
        String outOfRange = text.replaceFirst("split_feature=[0-9]+", "split_feature=" + FEATURES);
        assertThat(split).isNotNull();
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, outOfRange.getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessage("lightgbm payload is invalid: tree 0 split_feature[0] must be an integer in [0, 6], but was '7'");

        String decision = line(text, "decision_type=");
        String categorical = text.replaceFirst("decision_type=[0-9]+", "decision_type=1");
        assertThat(decision).isNotNull();
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, categorical.getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessage("lightgbm payload is invalid: tree 0 decision_type[0] is a categorical split (1), which is not"
                        + " supported");

        String loop = text.replaceFirst("left_child=[-0-9]+", "left_child=0");
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, loop.getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessage("lightgbm payload is invalid: tree 0 node 0 has child 0, which is not a later node or a leaf that"
                        + " no other node has");

        String cut = text.substring(0, text.indexOf("end of trees"));
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, cut.getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessageStartingWith("lightgbm payload is invalid: line ").hasMessageEndingWith("must be 'Tree=5' or 'end of trees'");

        String nan = text.replaceFirst("leaf_value=[-0-9.e]+", "leaf_value=nan");
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, nan.getBytes(StandardCharsets.US_ASCII), props)))
                .hasMessage("lightgbm payload is invalid: tree 0 leaf_value[0] must be a finite number, but was 'nan'");

        Map<String, String> badMean = new HashMap<>(props);
        badMean.put("target_mean", "NaN");
        assertThatThrownBy(() -> LightgbmMember.load(GbtCases.payload(a, task, a.payload(), badMean)))
                .hasMessage("lightgbm property 'target_mean' must be a finite number, but was 'NaN'");

        MemberPayload xgb = new MemberPayload(new Manifest.Member(1, 0, "lightgbm", "xgboost-ubj", "m", props), a.payload(),
                GbtCases.target(task), NAMES, false);
        assertThatThrownBy(() -> LightgbmMember.load(xgb))
                .hasMessage("lightgbm member's payload format must be 'lightgbm-text', but was 'xgboost-ubj'");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }
}
