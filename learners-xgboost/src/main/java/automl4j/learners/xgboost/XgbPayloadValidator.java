package automl4j.learners.xgboost;

import static automl4j.learners.xgboost.XgbPayloadValues.decimal;
import static automl4j.learners.xgboost.XgbPayloadValues.empty;
import static automl4j.learners.xgboost.XgbPayloadValues.integers;
import static automl4j.learners.xgboost.XgbPayloadValues.invalid;
import static automl4j.learners.xgboost.XgbPayloadValues.naturalString;
import static automl4j.learners.xgboost.XgbPayloadValues.object;
import static automl4j.learners.xgboost.XgbPayloadValues.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks an XGBoost model payload in Java before XGBoost's native loader sees it, and re-encodes it: XGBoost 3.4.0
 * trusts its input (a few changed bytes crash the JVM, issue 14), so the native loader only ever gets the canonical UBJ
 * written here from values that passed every check, never a byte of the file itself.
 *
 * <p>Accepted is what AutoML4J writes: a {@code gbtree} booster with objective {@code binary:logistic},
 * {@code multi:softprob} or {@code reg:squarederror}, one target, one tree per class and round, numerical splits only;
 * see {@link XgbTreeValidator} for the trees. Dropped on re-encoding: the learner's free-form {@code attributes}.
 */
final class XgbPayloadValidator {
    /** Most features a model may declare: XGBoost sizes per-thread buffers by it when predicting. */
    static final int MAX_FEATURES = 1 << 20;
    /** Most classes of a multiclass model. */
    static final int MAX_CLASSES = 1 << 16;

    /**
     * A payload that passed: the canonical bytes to hand to XGBoost, its feature count and its number of rounds.
     *
     * @param payload    canonical UBJ
     * @param numFeature the model's {@code num_feature}, at least 1
     * @param rounds     boosting rounds (iterations)
     * @param objective  the objective's name
     * @param numClass   classes of a {@code multi:softprob} model, 0 otherwise
     */
    record Checked(byte[] payload, int numFeature, int rounds, String objective, int numClass) {
    }

    private XgbPayloadValidator() {
    }

    /**
     * Checks {@code payload} and re-encodes it.
     *
     * @param payload     the bytes from the model file
     * @param numFeatures the feature count the artifact records, if it records one; the model must declare the same
     * @throws IllegalArgumentException naming the byte offset (malformed UBJ) or the JSON path and what was expected
     */
    static Checked check(byte[] payload, OptionalInt numFeatures) {
        Map<String, Object> top = object(UbjReader.read(payload), "the payload", "learner", "version");
        long[] version = integers(top.get("version"), "version", 0, 999);
        // 3.0 to 3.4: XGBoost's loader converts older layouts along paths these checks do not cover.
        if (version.length != 3 || version[0] != 3 || version[1] > 4) {
            throw invalid("version", "[3, minor, patch] with minor <= 4 (written by XGBoost 3.0 to 3.4)",
                    java.util.Arrays.toString(version));
        }
        Map<String, Object> learner = object(top.get("learner"), "learner", "attributes", "feature_names",
                "feature_types", "gradient_booster", "learner_model_param", "objective");
        object(learner.get("attributes"), "learner.attributes");   // any keys; not re-emitted
        empty(learner.get("feature_names"), "learner.feature_names");
        empty(learner.get("feature_types"), "learner.feature_types");

        Map<String, Object> objective = object(learner.get("objective"), "learner.objective", "name",
                learner.get("objective") instanceof Map && ((Map<?, ?>) learner.get("objective")).containsKey(
                        "softmax_multiclass_param") ? "softmax_multiclass_param" : "reg_loss_param");
        String name = string(objective.get("name"), "learner.objective.name");
        boolean multi = name.equals("multi:softprob");
        if (!(multi || name.equals("binary:logistic") || name.equals("reg:squarederror"))) {
            throw invalid("learner.objective.name", "one of [binary:logistic, multi:softprob, reg:squarederror]"
                    + " (the objectives AutoML4J trains)", name);
        }
        Map<String, Object> mp = object(learner.get("learner_model_param"), "learner.learner_model_param",
                "base_score", "boost_from_average", "num_class", "num_feature", "num_target");
        String p = "learner.learner_model_param.";
        int numClass = multi ? naturalString(mp.get("num_class"), p + "num_class", 2, MAX_CLASSES)
                : naturalString(mp.get("num_class"), p + "num_class", 0, 0);
        int numFeature = naturalString(mp.get("num_feature"), p + "num_feature", 1, MAX_FEATURES);
        if (numFeatures.isPresent() && numFeatures.getAsInt() != numFeature) {
            throw invalid(p + "num_feature", numFeatures.getAsInt() + " (the artifact's num_features property)",
                    numFeature);
        }
        naturalString(mp.get("num_target"), p + "num_target", 1, 1);
        int boostFromAverage = naturalString(mp.get("boost_from_average"), p + "boost_from_average", 0, 1);
        int groups = Math.max(1, numClass);
        String baseScore = baseScore(string(mp.get("base_score"), p + "base_score"), groups, name);
        String scalePosWeight = null;
        if (multi) {
            Map<String, Object> sp = object(objective.get("softmax_multiclass_param"),
                    "learner.objective.softmax_multiclass_param", "num_class");
            naturalString(sp.get("num_class"), "learner.objective.softmax_multiclass_param.num_class", numClass, numClass);
        } else {
            Map<String, Object> rp = object(objective.get("reg_loss_param"), "learner.objective.reg_loss_param",
                    "scale_pos_weight");
            String path = "learner.objective.reg_loss_param.scale_pos_weight";
            scalePosWeight = decimal(string(rp.get("scale_pos_weight"), path), path);
            if (!(Float.parseFloat(scalePosWeight) > 0)) {
                throw invalid(path, "a positive number", scalePosWeight);
            }
        }

        Map<String, Object> booster = object(learner.get("gradient_booster"), "learner.gradient_booster", "model", "name");
        String boosterName = string(booster.get("name"), "learner.gradient_booster.name");
        if (!boosterName.equals("gbtree")) {
            throw invalid("learner.gradient_booster.name", "'gbtree' (the only booster AutoML4J writes)", boosterName);
        }
        String m = "learner.gradient_booster.model";
        Map<String, Object> model = object(booster.get("model"), m, "cats", "gbtree_model_param", "iteration_indptr",
                "tree_info", "trees");
        Map<String, Object> cats = object(model.get("cats"), m + ".cats", "enc", "feature_segments", "sorted_idx");
        for (String k : cats.keySet()) {
            empty(cats.get(k), m + ".cats." + k);
        }
        Map<String, Object> gp = object(model.get("gbtree_model_param"), m + ".gbtree_model_param", "num_parallel_tree",
                "num_trees");
        naturalString(gp.get("num_parallel_tree"), m + ".gbtree_model_param.num_parallel_tree", 1, 1);
        if (!(model.get("trees") instanceof List)) {
            throw invalid(m + ".trees", "an array of trees", model.get("trees"));
        }
        List<?> trees = (List<?>) model.get("trees");
        int numTrees = naturalString(gp.get("num_trees"), m + ".gbtree_model_param.num_trees", trees.size(), trees.size());
        long[] treeInfo = integers(model.get("tree_info"), m + ".tree_info", 0, groups - 1);
        if (treeInfo.length != numTrees) {
            throw new IllegalArgumentException(m + ".tree_info must have " + numTrees + " elements (num_trees), but has "
                    + treeInfo.length);
        }
        for (int i = 0; i < numTrees; i++) {
            if (treeInfo[i] != i % groups) {
                throw invalid(m + ".tree_info[" + i + "]", (i % groups) + " (one tree per class and round)", treeInfo[i]);
            }
        }
        long[] indptr = integers(model.get("iteration_indptr"), m + ".iteration_indptr", 0, numTrees);
        if (numTrees % groups != 0 || indptr.length != numTrees / groups + 1) {
            throw new IllegalArgumentException(m + ".iteration_indptr must have num_trees / " + groups + " + 1 = "
                    + (numTrees / groups + 1) + " elements for " + numTrees + " trees, but has " + indptr.length);
        }
        for (int i = 0; i < indptr.length; i++) {
            if (indptr[i] != (long) i * groups) {
                throw invalid(m + ".iteration_indptr[" + i + "]", Long.toString((long) i * groups), indptr[i]);
            }
        }

        UbjWriter out = new UbjWriter().beginObject().key("learner").beginObject();
        out.key("attributes").beginObject().endObject();
        out.key("feature_names").beginArray(0);
        out.key("feature_types").beginArray(0);
        out.key("gradient_booster").beginObject().key("model").beginObject();
        out.key("cats").beginObject().key("enc").beginArray(0).key("feature_segments").int32s(new int[0])
                .key("sorted_idx").int32s(new int[0]).endObject();
        out.key("gbtree_model_param").beginObject().key("num_parallel_tree").string("1")
                .key("num_trees").string(Integer.toString(numTrees)).endObject();
        out.key("iteration_indptr").beginArray(indptr.length);
        for (long v : indptr) {
            out.integer(v);
        }
        out.key("tree_info").beginArray(numTrees);
        for (long v : treeInfo) {
            out.integer(v);
        }
        out.key("trees").beginArray(numTrees);
        for (int i = 0; i < numTrees; i++) {
            XgbTreeValidator.check(trees.get(i), i, numFeature, out);
        }
        out.endObject().key("name").string("gbtree").endObject();
        out.key("learner_model_param").beginObject().key("base_score").string(baseScore)
                .key("boost_from_average").string(Integer.toString(boostFromAverage))
                .key("num_class").string(Integer.toString(numClass))
                .key("num_feature").string(Integer.toString(numFeature))
                .key("num_target").string("1").endObject();
        out.key("objective").beginObject().key("name").string(name);
        if (multi) {
            out.key("softmax_multiclass_param").beginObject().key("num_class").string(Integer.toString(numClass))
                    .endObject();
        } else {
            out.key("reg_loss_param").beginObject().key("scale_pos_weight").string(scalePosWeight).endObject();
        }
        out.endObject().endObject();
        out.key("version").beginArray(3);
        for (long v : version) {
            out.integer(v);
        }
        out.endObject();
        return new Checked(out.toByteArray(), numFeature, indptr.length - 1, name, numClass);
    }

    /**
     * The base score, {@code [v1,v2,…]} with one value per class (or one value, bracketed or not), each finite and in
     * (0, 1) for {@code binary:logistic}; returned re-assembled from the checked numbers.
     */
    private static String baseScore(String s, int groups, String objective) {
        String path = "learner.learner_model_param.base_score";
        boolean bracketed = s.startsWith("[") && s.endsWith("]") && s.length() >= 2;
        String[] parts = (bracketed ? s.substring(1, s.length() - 1) : s).split(",", -1);
        if (!(parts.length == 1 || parts.length == groups) || s.length() > 64L * groups) {
            throw invalid(path, "one number or " + groups + " numbers (one per class)", s);
        }
        List<String> checked = new ArrayList<>();
        for (String part : parts) {
            String v = decimal(part, path);
            float f = Float.parseFloat(v);
            if (objective.equals("binary:logistic") && !(f > 0 && f < 1)) {
                throw invalid(path, "a probability in (0, 1) for binary:logistic", s);
            }
            checked.add(v);
        }
        return bracketed ? "[" + String.join(",", checked) + "]" : checked.get(0);
    }
}
