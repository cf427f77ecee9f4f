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
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java XGBoost evaluator against XGBoost itself: models fitted by the engine's {@code xgboost} learner,
 * exported, and evaluated on 2,000 held-out rows (missing cells, -0.0, rows on split values), margins and predictions
 * compared bit for bit.
 */
class XgboostMemberTest {
    private static final int TRAIN = 1000;
    private static final int TEST = 2000;
    private final XgboostLearner learner = new XgboostLearner();

    private record Fitted(FittedModel model, ModelArtifact artifact) {
    }

    private Fitted fit(Task task, Config config, FeatureMatrix features, float[] x, TrainingSet validation) {
        TrainingSet train = GbtCases.training(task, x, features, 11);
        FitContext context = FitContext.of(3, 1);
        FittedModel model = learner.fit(train, config, validation == null ? context : context.withValidation(validation));
        return new Fitted(model, model.export());
    }

    /** XGBoost's own margins of {@code test} ({@code output_margin}, the artifact's tree limit). */
    private static float[][] nativeMargins(ModelArtifact a, FeatureMatrix test) throws Exception {
        Booster booster = XGBoost.loadModel(a.payload());
        DMatrix m = test.isSparse()
                ? new DMatrix(java.util.Arrays.stream(test.rowStart()).asLongStream().toArray(), test.indexes(),
                        test.values(), DMatrix.SparseType.CSR, test.columns())
                : new DMatrix(test.toArray(), test.rows(), test.columns(), Float.NaN);
        try {
            return booster.predict(m, true, Integer.parseInt(a.properties().get("tree_limit")));
        } finally {
            m.dispose();
            booster.dispose();
        }
    }

    /** Margins and predictions of {@code test} from the engine and from the evaluator; returns the mismatches. */
    private static List<String> compare(String name, Task task, Fitted f, FeatureMatrix test, float[] x, boolean sparse)
            throws Exception {
        XgboostMember member = XgboostMember.load(GbtCases.payload(f.artifact(), task, sparse));
        GbtCases.Mismatch margins = GbtCases.compareFloats(nativeMargins(f.artifact(), test), x, member::margin);
        GbtCases.Mismatch outputs = GbtCases.compare(f.model().predict(test).toFlat(), test.rows(), x, member::predict);
        System.out.println("xgboost " + name + ": margins " + margins + "; predictions " + outputs);
        List<String> problems = new ArrayList<>();
        if (margins.differing() > 0) {
            problems.add(name + " margins: " + margins);
        }
        if (outputs.differing() > 0) {
            problems.add(name + " predictions: " + outputs);
        }
        return problems;
    }

    @Test
    void defaultModelsPredictTheEnginesBits() throws Exception {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 1, 0.1);
        float[] t = GbtCases.dense(TEST, 2, 0.1);
        for (Task task : GbtCases.TASKS) {
            Fitted f = fit(task, learner.defaultConfig(task), FeatureMatrix.of(x, TRAIN, NAMES), x, null);
            problems.addAll(compare("defaults " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void threeHundredDeepTreesAndOtherHyperparametersPredictTheEnginesBits() throws Exception {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 3, 0.05);
        float[] t = GbtCases.dense(TEST, 4, 0.05);
        for (Task task : GbtCases.TASKS) {
            Config config = Config.builder(learner.id()).with(XgboostLearner.N_ESTIMATORS, 300)
                    .with(XgboostLearner.MAX_DEPTH, 9).with(XgboostLearner.MIN_CHILD_WEIGHT, 0.01)
                    .with(XgboostLearner.LEARNING_RATE, 0.05).with(XgboostLearner.SUBSAMPLE, 0.7)
                    .with(XgboostLearner.COLSAMPLE_BYTREE, 0.6).with(XgboostLearner.REG_ALPHA, 0.5)
                    .with(XgboostLearner.REG_LAMBDA, 3.0).build();
            Fitted f = fit(task, config, FeatureMatrix.of(x, TRAIN, NAMES), x, null);
            assertThat(XgboostMember.load(GbtCases.payload(f.artifact(), task, false)).treeCount())
                    .isEqualTo(300 * (task.equals(GbtCases.MULTICLASS) ? 4 : 1));
            problems.addAll(compare("300 trees " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    /** A sparse matrix's absent cells are missing to XGBoost, so the evaluator reads zeros as missing then. */
    @Test
    void sparseInputReadsZerosAsMissing() throws Exception {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.mostlyZero(TRAIN, 5);
        float[] t = GbtCases.mostlyZero(TEST, 6);
        for (Task task : GbtCases.TASKS) {
            Fitted f = fit(task, learner.defaultConfig(task), GbtCases.sparse(x, TRAIN), x, null);
            problems.addAll(compare("sparse " + task.label(), task, f, GbtCases.sparse(t, TEST), t, true));
            // the same model read as dense would send zeros down the split, not the default way
            XgboostMember dense = XgboostMember.load(GbtCases.payload(f.artifact(), task, false));
            double[] engine = f.model().predict(GbtCases.sparse(t, TEST)).toFlat();
            assertThat(GbtCases.compare(engine, TEST, t, dense::predict).differing()).isPositive();
        }
        assertThat(problems).isEmpty();
    }

    /** With validation rows the learner stops early and records the kept rounds as the tree limit. */
    @Test
    void earlyStoppedModelsUseTheKeptRounds() throws Exception {
        List<String> problems = new ArrayList<>();
        float[] x = GbtCases.dense(TRAIN, 7, 0.1);
        float[] v = GbtCases.dense(300, 8, 0.1);
        float[] t = GbtCases.dense(TEST, 9, 0.1);
        for (Task task : GbtCases.TASKS) {
            Config config = Config.builder(learner.id()).with(XgboostLearner.N_ESTIMATORS, 400)
                    .with(XgboostLearner.MAX_DEPTH, 6).with(XgboostLearner.MIN_CHILD_WEIGHT, 1.0)
                    .with(XgboostLearner.LEARNING_RATE, 0.5).with(XgboostLearner.SUBSAMPLE, 1.0)
                    .with(XgboostLearner.COLSAMPLE_BYTREE, 1.0).with(XgboostLearner.REG_ALPHA, 1e-3)
                    .with(XgboostLearner.REG_LAMBDA, 1.0).build();
            TrainingSet valid = GbtCases.training(task, v, FeatureMatrix.of(v, 300, NAMES), 12);
            Fitted f = fit(task, config, FeatureMatrix.of(x, TRAIN, NAMES), x, valid);
            int limit = Integer.parseInt(f.artifact().properties().get("tree_limit"));
            assertThat(limit).isBetween(1, 399);
            int groups = task.equals(GbtCases.MULTICLASS) ? 4 : 1;
            assertThat(XgboostMember.load(GbtCases.payload(f.artifact(), task, false)).treeCount()).isEqualTo(limit * groups);
            problems.addAll(compare("early stopped " + task.label(), task, f, FeatureMatrix.of(t, TEST, NAMES), t, false));
        }
        assertThat(problems).isEmpty();
    }

    /**
     * 249 positives in 500 rows give the base score 0.498, whose base margin the C library's {@code logf} rounds one
     * float ulp away from Java's: XGBoost's own margins then differ in every row, but the engine hands XGBoost the base
     * margin computed in Java, as the evaluator computes it, so the predictions agree.
     */
    @Test
    void aBaseScoreWhoseLogitTheCLibraryRoundsOtherwise() throws Exception {
        float[] x = GbtCases.dense(500, 13, 0.1);
        double[] y = new double[500];
        for (int i = 0; i < 249; i++) {
            y[i * 2] = 1;
        }
        TrainingSet train = new TrainingSet(FeatureMatrix.of(x, 500, NAMES), automl4j.learn.Labels.of(y),
                new automl4j.data.Target("y", GbtCases.BINARY));
        FittedModel model = learner.fit(train, learner.defaultConfig(GbtCases.BINARY), FitContext.of(3, 1));
        ModelArtifact a = model.export();
        XgboostMember member = XgboostMember.load(GbtCases.payload(a, GbtCases.BINARY, false));
        float[] t = GbtCases.dense(TEST, 14, 0.1);
        FeatureMatrix test = FeatureMatrix.of(t, TEST, NAMES);
        GbtCases.Mismatch margins = GbtCases.compareFloats(nativeMargins(a, test), t, member::margin);
        GbtCases.Mismatch outputs = GbtCases.compare(model.predict(test).toFlat(), TEST, t, member::predict);
        System.out.println("xgboost base score 0.498: XGBoost's own margins " + margins + "; predictions " + outputs);
        assertThat(new String(a.payload(), java.nio.charset.StandardCharsets.US_ASCII)).contains("[4.98E-1]");
        assertThat(outputs.differing()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void damagedOrUnsupportedPayloadsAreRefusedNamingTheProblem() {
        float[] x = GbtCases.dense(300, 10, 0.1);
        Task task = GbtCases.BINARY;
        Config config = Config.builder(learner.id()).with(XgboostLearner.N_ESTIMATORS, 5)
                .with(XgboostLearner.MAX_DEPTH, 3).with(XgboostLearner.MIN_CHILD_WEIGHT, 1.0)
                .with(XgboostLearner.LEARNING_RATE, 0.3).with(XgboostLearner.SUBSAMPLE, 1.0)
                .with(XgboostLearner.COLSAMPLE_BYTREE, 1.0).with(XgboostLearner.REG_ALPHA, 1e-3)
                .with(XgboostLearner.REG_LAMBDA, 1.0).build();
        ModelArtifact a = fit(task, config, FeatureMatrix.of(x, 300, NAMES), x, null).artifact();
        byte[] good = a.payload();
        Map<String, String> props = a.properties();

        // a binary model read for a regression target: wrong objective
        MemberPayload regression = new MemberPayload(new Manifest.Member(1, 0, "xgboost", "xgboost-ubj", "m", props),
                good, GbtCases.target(new Regression()), NAMES, false);
        assertThatThrownBy(() -> XgboostMember.load(regression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("xgboost payload is invalid: a regression model of 0 classes must have objective"
                        + " 'reg:squarederror' and num_class 0, but has 'binary:logistic' and 0");

        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, java.util.Arrays.copyOf(good, good.length - 3), props)))
                .hasMessageStartingWith("xgboost payload is invalid: UBJ at byte ");

        Map<String, String> wrongFormat = new HashMap<>(props);
        MemberPayload lgbm = new MemberPayload(new Manifest.Member(1, 0, "xgboost", "xgboost-json", "m", props), good,
                GbtCases.target(task), NAMES, false);
        assertThatThrownBy(() -> XgboostMember.load(lgbm))
                .hasMessage("xgboost member's payload format must be 'xgboost-ubj', but was 'xgboost-json'");

        wrongFormat.put("tree_limit", "6");
        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, good, wrongFormat)))
                .hasMessage("xgboost payload is invalid: xgboost property 'tree_limit' must be a whole number in [0, 5],"
                        + " but was '6'");

        MemberPayload fewer = new MemberPayload(new Manifest.Member(1, 0, "xgboost", "xgboost-ubj", "m", props), good,
                GbtCases.target(task), NAMES.subList(0, 6), false);
        assertThatThrownBy(() -> XgboostMember.load(fewer))
                .hasMessage("xgboost payload is invalid: learner.learner_model_param.num_feature must be 6 (the featurizer's"
                        + " features), but was 7");

        Map<String, Object> top = (Map<String, Object>) Ubj.read(good);
        Map<String, Object> tree0 = firstTree(top);
        ((int[]) tree0.get("split_indices"))[0] = FEATURES;
        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, UbjTestWriter.write(top), props)))
                .hasMessage("xgboost payload is invalid: learner.gradient_booster.model.trees[0].split_indices[0] must be"
                        + " a feature index in [0, 7), but was 7");

        Map<String, Object> cat = (Map<String, Object>) Ubj.read(good);
        ((byte[]) firstTree(cat).get("split_type"))[0] = 1;
        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, UbjTestWriter.write(cat), props)))
                .hasMessage("xgboost payload is invalid: learner.gradient_booster.model.trees[0].split_type[0] is 1:"
                        + " categorical splits are not supported (AutoML4J trains none)");

        Map<String, Object> loop = (Map<String, Object>) Ubj.read(good);
        ((int[]) firstTree(loop).get("left_children"))[0] = 0;
        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, UbjTestWriter.write(loop), props)))
                .hasMessageStartingWith("xgboost payload is invalid: learner.gradient_booster.model.trees[0] node 0 has"
                        + " child 0, which must be a later node");

        Map<String, Object> objective = (Map<String, Object>) Ubj.read(good);
        ((Map<String, Object>) ((Map<String, Object>) objective.get("learner")).get("objective")).put("name", "binary:hinge");
        assertThatThrownBy(() -> XgboostMember.load(GbtCases.payload(a, task, UbjTestWriter.write(objective), props)))
                .hasMessage("xgboost payload is invalid: a binary model of 2 classes must have objective 'binary:logistic'"
                        + " and num_class 0, but has 'binary:hinge' and 0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstTree(Map<String, Object> top) {
        Map<String, Object> learner = (Map<String, Object>) top.get("learner");
        Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) learner.get("gradient_booster")).get("model");
        return (Map<String, Object>) ((List<Object>) model.get("trees")).get(0);
    }
}
