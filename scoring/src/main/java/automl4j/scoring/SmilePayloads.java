package automl4j.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * The checks the engine's Smile learners ({@code learners-smile}) make on every payload they load, with their
 * messages, for the evaluators of their formats: the payload format, the target recorded in the properties
 * ({@code ArtifactTargets}), integer properties ({@code ModelArtifact.intProperty}) and the JSON.
 */
final class SmilePayloads {
    // Default settings, as the engine's readers use: numbers parse to the same doubles.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TARGET_PROPERTIES = List.of("task", "target", "classes");

    private SmilePayloads() {
    }

    /**
     * Refuses a payload of another format, and one whose properties do not record its target: the engine reads the
     * target from them and fails without. The reader has already checked that a recorded target is the manifest's.
     */
    static void check(MemberPayload p, String format) {
        if (!p.member().payloadFormat().equals(format)) {
            throw new IllegalArgumentException(p.learner() + " cannot read payload format '" + p.member().payloadFormat() + "'");
        }
        for (String key : TARGET_PROPERTIES) {
            property(p, key);
        }
    }

    static String property(MemberPayload p, String key) {
        String v = p.member().properties().get(key);
        if (v == null) {
            throw new IllegalArgumentException("model artifact of '" + p.learner() + "' lacks property '" + key + "'");
        }
        return v;
    }

    static int intProperty(MemberPayload p, String key, int min, int max) {
        String v = property(p, key);
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("model artifact of '" + p.learner() + "' property '" + key + "' must be an integer in ["
                + min + ", " + max + "], but was '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
    }

    /** The payload as JSON; the engine wraps the parser's own message the same way. */
    static JsonNode json(MemberPayload p) {
        try {
            return JSON.readTree(p.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(p.learner() + " payload is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(p.learner() + " payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    static boolean classification(Manifest.Target target) {
        return !target.task().equals("regression");
    }

    /** Number of outputs of a flat prediction: one per class, or one value. */
    static int outputs(Manifest.Target target) {
        return classification(target) ? target.classes().size() : 1;
    }
}
