package automl4j.featurizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Float arrays in the encoders' JSON. */
final class JsonArrays {
    private JsonArrays() {
    }

    static void put(ObjectNode node, String field, float[] values) {
        ArrayNode a = node.putArray(field);
        for (float v : values) {
            a.add(v);
        }
    }

    static float[] floats(JsonNode a) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers, but found " + a.getNodeType());
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }
}
