package automl4j.learners.smile;

import automl4j.learn.FeatureMatrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest of binary trees with numeric splits ({@code x[feature] <= threshold} goes to the left child), stored as
 * flat arrays and written as JSON. Smile models persist only by Java serialization, which AutoML4J never uses, so a
 * fitted Smile forest is converted into this form right after training and both validation and export predict with
 * it: the exported model predicts exactly what was validated. Leaves hold class frequencies or a value; the forest
 * averages its trees.
 */
final class TreeEnsemble {
    private final List<Tree> trees;
    private final int outputs;

    TreeEnsemble(List<Tree> trees, int outputs) {
        this.trees = List.copyOf(trees);
        this.outputs = outputs;
    }

    /**
     * One tree. Node {@code i} is a leaf when {@code feature[i] < 0}; then {@code leaf[i]} holds its outputs.
     */
    record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[][] leaf) {
        double[] apply(FeatureMatrix x, int row) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x.get(row, feature[node]) <= threshold[node] ? left[node] : right[node];
            }
            return leaf[node];
        }
    }

    int outputs() {
        return outputs;
    }

    int size() {
        return trees.size();
    }

    /** Average of the trees' leaf outputs for each row. */
    double[][] predict(FeatureMatrix x) {
        double[][] out = new double[x.rows()][outputs];
        for (int i = 0; i < x.rows(); i++) {
            for (Tree t : trees) {
                double[] v = t.apply(x, i);
                for (int k = 0; k < outputs; k++) {
                    out[i][k] += v[k];
                }
            }
            for (int k = 0; k < outputs; k++) {
                out[i][k] /= trees.size();
            }
        }
        return out;
    }

    byte[] toJson(ObjectMapper json) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("outputs", outputs);
        ArrayNode list = root.putArray("trees");
        for (Tree t : trees) {
            ObjectNode n = list.addObject();
            n.putPOJO("feature", t.feature());
            n.putPOJO("threshold", t.threshold());
            n.putPOJO("left", t.left());
            n.putPOJO("right", t.right());
            n.putPOJO("leaf", t.leaf());
        }
        return json.writeValueAsBytes(root);
    }

    static TreeEnsemble fromJson(ObjectMapper json, byte[] bytes) throws IOException {
        JsonNode root = json.readTree(bytes);
        int outputs = root.path("outputs").asInt();
        List<Tree> trees = new ArrayList<>();
        for (JsonNode n : root.path("trees")) {
            trees.add(new Tree(json.treeToValue(n.get("feature"), int[].class), json.treeToValue(n.get("threshold"), double[].class),
                    json.treeToValue(n.get("left"), int[].class), json.treeToValue(n.get("right"), int[].class),
                    json.treeToValue(n.get("leaf"), double[][].class)));
        }
        return new TreeEnsemble(trees, outputs);
    }
}
