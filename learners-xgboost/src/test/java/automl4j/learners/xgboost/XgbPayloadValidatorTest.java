package automl4j.learners.xgboost;

import automl4j.data.Task;
import automl4j.learners.LearnerContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class XgbPayloadValidatorTest {
    private static String refusal(byte[] payload) {
        return assertThrows(IllegalArgumentException.class,
                () -> XgbPayloadValidator.check(payload, OptionalInt.empty())).getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parsed(Task task) {
        return (Map<String, Object>) UbjReader.read(XgbModels.payload(task));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> m, String... keys) {
        Map<String, Object> cur = m;
        for (String k : keys) {
            cur = (Map<String, Object>) cur.get(k);
        }
        return cur;
    }

    private static Map<String, Object> model(Map<String, Object> top) {
        return at(top, "learner", "gradient_booster", "model");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Map<String, Object> top, int i) {
        return (Map<String, Object>) ((List<Object>) model(top).get("trees")).get(i);
    }

    private static int[] ints(Map<String, Object> tree, String key) {
        return (int[]) ((UbjReader.Typed) tree.get(key)).array();
    }

    /** The message for the binary model changed by {@code change}. */
    private static String refusalOfChanged(Consumer<Map<String, Object>> change) {
        Map<String, Object> top = parsed(LearnerContract.BINARY);
        change.accept(top);
        return refusal(UbjTestEncoder.encode(top));
    }

    /** An internal node of tree 0 other than the root. */
    private static int innerNode(Map<String, Object> tree) {
        int[] left = ints(tree, "left_children");
        for (int i = 1; i < left.length; i++) {
            if (left[i] != -1) {
                return i;
            }
        }
        throw new AssertionError("tree 0 has one split only");
    }

    @Test
    void exportThenLoadPredictsIdenticallyForEveryTask() {
        for (Task task : LearnerContract.ALL) {
            XgboostModel original = XgbModels.model(task);
            FittedModel loaded = XgboostModel.load(original.export());
            var x = LearnerContract.data(task, 50, 9).features();
            assertThat(LearnerContract.flatten(loaded.predict(x))).as(task.toString())
                    .isEqualTo(LearnerContract.flatten(original.predict(x)));
        }
    }

    @Test
    void canonicalEncodingIsAFixedPointAndRecordsFeaturesAndRounds() {
        for (Task task : LearnerContract.ALL) {
            XgbPayloadValidator.Checked once = XgbPayloadValidator.check(XgbModels.payload(task), OptionalInt.of(4));
            XgbPayloadValidator.Checked twice = XgbPayloadValidator.check(once.payload(), OptionalInt.of(4));
            assertThat(twice.payload()).isEqualTo(once.payload());
            assertThat(once.numFeature()).isEqualTo(4);
            assertThat(once.rounds()).isEqualTo(3);
        }
    }

    @Test
    void exportRecordsTheFeatureCountAndLoadChecksIt() {
        ModelArtifact a = XgbModels.model(LearnerContract.REGRESSION).export();
        assertThat(a.properties()).containsEntry("num_features", "4");
        Map<String, String> props = new TreeMap<>(a.properties());
        props.put("num_features", "5");
        ModelArtifact other = new ModelArtifact(a.learnerId(), a.format(), props, a.payload());
        assertThat(assertThrows(IllegalArgumentException.class, () -> XgboostModel.load(other)).getMessage())
                .contains("learner.learner_model_param.num_feature must be 5 (the artifact's num_features property)",
                        "but was 4");
        props.remove("num_features");   // files written before the property still load
        XgboostModel.load(new ModelArtifact(a.learnerId(), a.format(), props, a.payload()));
    }

    @Test
    void rejectsTreeLimitBeyondTheRounds() {
        ModelArtifact a = XgbModels.model(LearnerContract.BINARY).export();
        Map<String, String> props = new TreeMap<>(a.properties());
        props.put("tree_limit", "4");
        ModelArtifact other = new ModelArtifact(a.learnerId(), a.format(), props, a.payload());
        assertThat(assertThrows(IllegalArgumentException.class, () -> XgboostModel.load(other)).getMessage())
                .isEqualTo("xgboost property 'tree_limit' must be a whole number in [0, 3], but was '4'");
    }

    @Test
    void rejectsAModelOfAnotherTaskOrClassCount() {
        ModelArtifact binary = XgbModels.model(LearnerContract.BINARY).export();
        ModelArtifact multi = XgbModels.model(LearnerContract.MULTICLASS).export();
        ModelArtifact swapped = new ModelArtifact("xgboost", "xgboost-ubj", binary.properties(), multi.payload());
        assertThat(assertThrows(IllegalArgumentException.class, () -> XgboostModel.load(swapped)).getMessage())
                .isEqualTo("xgboost payload is invalid: a binary model of 2 classes must have objective"
                        + " 'binary:logistic' and num_class 0, but has 'multi:softprob' and 3");
    }

    @Test
    void rejectsTheEmptyPayload() {
        assertThat(refusal(new byte[0])).contains("empty");
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] p = XgbModels.payload(LearnerContract.BINARY);
        for (int n = 1; n < p.length; n++) {
            assertThat(refusal(Arrays.copyOf(p, n))).as("prefix of %d bytes", n).startsWith("UBJ at byte ");
        }
    }

    @Test
    void rejectsTrailingBytesUnknownMarkersAndDuplicateKeys() {
        byte[] p = XgbModels.payload(LearnerContract.BINARY);
        byte[] longer = Arrays.copyOf(p, p.length + 1);
        assertThat(refusal(longer)).isEqualTo("UBJ at byte " + p.length
                + ": expected the end of the payload after the top-level value, but 1 bytes follow");
        assertThat(refusal(new byte[] {'X'})).contains("UBJ at byte 0", "but was 'X'");
        byte[] twice = {'{', 'i', 1, 'a', 'T', 'i', 1, 'a', 'F', '}'};
        assertThat(refusal(twice)).isEqualTo("UBJ at byte 5: expected unique keys, but 'a' appears twice");
        byte[] newline = {'{', 'i', 2, 'a', '\n'};
        assertThat(refusal(newline)).isEqualTo("UBJ at byte 5: expected the value of key 'a\\u000a', but the payload ends");
        assertThat(refusalOfChanged(top -> top.put("a\nb", 1L))).isEqualTo(
                "the payload has unexpected key 'a\\u000ab'; expected keys [learner, version]");
    }

    @Test
    void rejectsHugeDeclaredCountsBeforeAllocating() {
        byte[] untyped = {'[', '#', 'L', 0, 0, 1, 0, 0, 0, 0, 0};
        assertThat(refusal(untyped)).contains("UBJ at byte 2", "array count in [0, 0]", "but was 1099511627776");
        byte[] typed = {'[', '$', 'd', '#', 'l', 0x40, 0, 0, 0, 0, 0, 0, 0};
        assertThat(refusal(typed)).isEqualTo(
                "UBJ at byte 4: expected an array count in [0, 4] (the bytes that remain), but was 1073741824");
        byte[] typedShort = {'[', '$', 'd', '#', 'i', 3, 0, 0, 0, 0};
        assertThat(refusal(typedShort)).isEqualTo(
                "UBJ at byte 6: expected 3 elements of type 'd' (12 bytes), but only 4 bytes remain");
        byte[] string = {'S', 'l', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(refusal(string)).contains("string length in [0, 0]");
        byte[] negative = {'[', '#', 'i', -1};
        assertThat(refusal(negative)).contains("but was -1");
    }

    @Test
    void rejectsTooManyBoxedValues() {
        int n = UbjReader.MAX_VALUES + 1;
        byte[] nulls = new byte[7 + n];
        System.arraycopy(new byte[] {'[', '#', 'l', (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n},
                0, nulls, 0, 7);
        Arrays.fill(nulls, 7, nulls.length, (byte) 'Z');
        assertThat(refusal(nulls)).isEqualTo("UBJ at byte 7: expected at most 4194304 object entries and untyped array"
                + " elements in all");
    }

    @Test
    void rejectsDeepNesting() {
        byte[] deep = new byte[80];
        Arrays.fill(deep, 0, 40, (byte) '[');
        Arrays.fill(deep, 40, 80, (byte) ']');
        assertThat(refusal(deep)).isEqualTo("UBJ at byte 32: expected containers nested at most 32 deep");
        byte[] shallow = new byte[64];
        Arrays.fill(shallow, 0, 32, (byte) '[');
        Arrays.fill(shallow, 32, 64, (byte) ']');
        assertThat(UbjReader.read(shallow)).isInstanceOf(List.class);
    }

    @Test
    void rejectsAChildOutOfRange() {
        assertThat(refusalOfChanged(top -> ints(tree(top, 0), "left_children")[0] = 99))
                .startsWith("trees[0].left_children[0] must be -1 on both sides (a leaf) or a node index in (0, ")
                .endsWith("but was 99");
        assertThat(refusalOfChanged(top -> ints(tree(top, 0), "right_children")[0] = -7))
                .isEqualTo("trees[0].right_children[0] must be an integer in [-1, 2147483647], but was -7");
    }

    @Test
    void rejectsACycleAndANodeWithTwoParents() {
        assertThat(refusalOfChanged(top -> {
            int i = innerNode(tree(top, 0));
            ints(tree(top, 0), "left_children")[i] = 0;
        })).contains("left_children[", "or a node index in (", "but was 0");
        assertThat(refusalOfChanged(top -> {
            int[] left = ints(tree(top, 0), "left_children");
            ints(tree(top, 0), "right_children")[0] = left[0];
        })).contains("trees[0]", "each node must have one parent");
    }

    @Test
    void rejectsInconsistentParentsAndUnreachableNodes() {
        assertThat(refusalOfChanged(top -> ints(tree(top, 0), "parents")[1] = 2))
                .isEqualTo("trees[0].parents[1] must be 0 (the node naming it as a child), but was 2");
        assertThat(refusalOfChanged(top -> ints(tree(top, 0), "parents")[0] = 0))
                .isEqualTo("trees[0].parents[0] must be 2147483647 (the root has no parent), but was 0");
        assertThat(refusalOfChanged(top -> {
            ints(tree(top, 0), "left_children")[0] = -1;
            ints(tree(top, 0), "right_children")[0] = -1;
        })).isEqualTo("trees[0] node 1 is not reached from the root (no node before it names it as a child)");
    }

    @Test
    void rejectsASplitFeatureOutOfRange() {
        assertThat(refusalOfChanged(top -> ints(tree(top, 1), "split_indices")[0] = 4))
                .isEqualTo("trees[1].split_indices[0] must be an integer in [0, 3], but was 4");
    }

    @Test
    void rejectsWrongArrayLengthsAndCounts() {
        assertThat(refusalOfChanged(top -> {
            float[] w = (float[]) ((UbjReader.Typed) tree(top, 0).get("base_weights")).array();
            tree(top, 0).put("base_weights", new UbjReader.Typed('d', Arrays.copyOf(w, w.length - 1)));
        })).matches("trees\\[0\\]\\.base_weights must have \\d+ elements \\(num_nodes\\), but has \\d+");
        assertThat(refusalOfChanged(top -> at(top, "learner", "gradient_booster", "model", "gbtree_model_param")
                .put("num_trees", "4")))
                .isEqualTo("learner.gradient_booster.model.gbtree_model_param.num_trees must be a whole number"
                        + " in [3, 3] written as a string, but was '4'");
        assertThat(refusalOfChanged(top -> model(top).put("tree_info", List.of(0L, 0L))))
                .isEqualTo("learner.gradient_booster.model.tree_info must have 3 elements (num_trees), but has 2");
        assertThat(refusalOfChanged(top -> model(top).put("tree_info", List.of(0L, 1L, 0L))))
                .isEqualTo("learner.gradient_booster.model.tree_info[1] must be an integer in [0, 0], but was 1");
        assertThat(refusalOfChanged(top -> model(top).put("iteration_indptr", List.of(0L, 1L, 3L, 3L))))
                .isEqualTo("learner.gradient_booster.model.iteration_indptr[2] must be 2, but was 3");
        assertThat(refusalOfChanged(top -> tree(top, 2).put("id", 0L)))
                .isEqualTo("trees[2].id must be an integer in [2, 2], but was 0");
    }

    @Test
    void rejectsCategoricalSplits() {
        assertThat(refusalOfChanged(top -> ((byte[]) ((UbjReader.Typed) tree(top, 0).get("split_type")).array())[0] = 1))
                .isEqualTo("trees[0].split_type[0] must be an integer in [0, 0], but was 1");
        assertThat(refusalOfChanged(top -> tree(top, 0).put("categories", new UbjReader.Typed('l', new int[] {1}))))
                .startsWith("trees[0].categories must be an empty array");
    }

    @Test
    void rejectsOtherBoostersObjectivesAndParameters() {
        assertThat(refusalOfChanged(top -> at(top, "learner", "gradient_booster").put("name", "dart")))
                .isEqualTo("learner.gradient_booster.name must be 'gbtree' (the only booster AutoML4J writes),"
                        + " but was 'dart'");
        assertThat(refusalOfChanged(top -> at(top, "learner", "objective").put("name", "survival:cox")))
                .startsWith("learner.objective.name must be one of [binary:logistic, multi:softprob,");
        assertThat(refusalOfChanged(top -> at(top, "learner", "learner_model_param").put("num_feature", "0")))
                .contains("learner.learner_model_param.num_feature must be a whole number in [1, 1048576]");
        assertThat(refusalOfChanged(top -> at(top, "learner", "learner_model_param").put("base_score", "[1.5E0]")))
                .isEqualTo("learner.learner_model_param.base_score must be a probability in (0, 1) for"
                        + " binary:logistic, but was '[1.5E0]'");
        assertThat(refusalOfChanged(top -> at(top, "learner", "learner_model_param").put("base_score", "[nan]")))
                .isEqualTo("learner.learner_model_param.base_score must be a finite decimal number, but was 'nan'");
        assertThat(refusalOfChanged(top -> at(top, "learner", "learner_model_param").put("num_target", "2")))
                .contains("num_target must be a whole number in [1, 1]");
        assertThat(refusalOfChanged(top -> at(top, "learner").put("feature_names", List.of("a"))))
                .startsWith("learner.feature_names must be an empty array");
        assertThat(refusalOfChanged(top -> top.put("version", List.of(2L, 1L, 0L))))
                .isEqualTo("version must be [3, minor, patch] with minor <= 4 (written by XGBoost 3.0 to 3.4),"
                        + " but was '[2, 1, 0]'");
        assertThat(refusalOfChanged(top -> at(top, "learner").put("extra", 1L)))
                .startsWith("learner has unexpected key 'extra'");
        assertThat(refusalOfChanged(top -> at(top, "learner").remove("objective")))
                .startsWith("learner lacks key 'objective'");
    }

    @Test
    void rejectsWrongTypesAndNonFiniteValues() {
        assertThat(refusalOfChanged(top -> at(tree(top, 0), "tree_param").put("num_nodes", 5L)))
                .isEqualTo("trees[0].tree_param.num_nodes must be a string, but was 5");
        assertThat(refusalOfChanged(top -> tree(top, 0).put("left_children", "x")))
                .isEqualTo("trees[0].left_children must be an array of integers, but was 'x'");
        assertThat(refusalOfChanged(top -> at(top, "learner").put("objective", List.of())))
                .isEqualTo("learner.objective must be an object, but was an array");
        assertThat(refusalOfChanged(top ->
                ((float[]) ((UbjReader.Typed) tree(top, 0).get("split_conditions")).array())[0] = Float.NaN))
                .isEqualTo("trees[0].split_conditions[0] must be a finite float32, but was NaN");
    }
}
