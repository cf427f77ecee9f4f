package automl4j.forecast.global;

import automl4j.forecast.model.ForecastException;
import automl4j.learn.ModelArtifact;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a learner's exported model into JSON-able parameters and reads it back: {@code model.format}, the payload
 * as Base64 in {@code model.payload}, and each text property as {@code model.property.NAME}.
 */
final class ArtifactCodec {
    private static final String FORMAT = "model.format";
    private static final String PAYLOAD = "model.payload";
    private static final String PROPERTY = "model.property.";

    private ArtifactCodec() {
    }

    /**
     * Adds {@code artifact} to {@code parameters}.
     *
     * @param artifact   the exported model
     * @param parameters where to write it
     */
    static void write(ModelArtifact artifact, Map<String, Object> parameters) {
        parameters.put(FORMAT, artifact.format());
        parameters.put(PAYLOAD, Base64.getEncoder().encodeToString(artifact.payload()));
        artifact.properties().forEach((k, v) -> parameters.put(PROPERTY + k, v));
    }

    /**
     * The artifact {@link #write} wrote.
     *
     * @param learnerId  the learner that exported it
     * @param parameters the parameters
     * @return the artifact
     * @throws ForecastException if the format or payload is missing or the payload is not Base64
     */
    static ModelArtifact read(String learnerId, Map<String, Object> parameters) {
        Map<String, String> properties = new TreeMap<>();
        parameters.forEach((k, v) -> {
            if (k.startsWith(PROPERTY)) {
                properties.put(k.substring(PROPERTY.length()), String.valueOf(v));
            }
        });
        try {
            byte[] payload = Base64.getDecoder().decode(text(parameters, PAYLOAD));
            return new ModelArtifact(learnerId, text(parameters, FORMAT), properties, payload);
        } catch (IllegalArgumentException e) {
            throw new ForecastException("global model parameter '" + PAYLOAD + "' is not Base64: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof String s)) {
            throw new ForecastException("global model parameters lack the text '" + name + "'");
        }
        return s;
    }
}
