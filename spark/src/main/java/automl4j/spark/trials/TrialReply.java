package automl4j.spark.trials;

import automl4j.execute.OutcomeJson;
import automl4j.execute.TrialOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What an executor sends back for one trial, as bytes: the outcome as the journal and the worker processes write it
 * ({@link OutcomeJson}), the validation loss, and the validation predictions when the trial wanted them and completed.
 * A plain holder, not a record: it carries an array and is never compared.
 */
final class TrialReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TrialOutcome outcome;
    private final double loss;
    private final float[] predictions;

    /**
     * @param outcome     how the trial ended
     * @param loss        its mean validation loss, NaN unless it completed with predictions
     * @param predictions its flattened validation predictions for the driver's {@code PredictionSink}, or null
     */
    TrialReply(TrialOutcome outcome, double loss, float[] predictions) {
        this.outcome = outcome;
        this.loss = loss;
        this.predictions = predictions;
    }

    TrialOutcome outcome() {
        return outcome;
    }

    double loss() {
        return loss;
    }

    /** The predictions (not copied: the reply is handed on once), or null. */
    float[] predictions() {
        return predictions;
    }

    byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode();
        OutcomeJson.write(n, outcome);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] text = JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            out.writeDouble(loss);
            out.writeInt(predictions == null ? -1 : predictions.length);
            if (predictions != null) {
                for (float f : predictions) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static TrialReply fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            TrialOutcome outcome = OutcomeJson.read(JSON.readTree(new String(text, StandardCharsets.UTF_8)));
            double loss = in.readDouble();
            int n = in.readInt();
            float[] predictions = null;
            if (n >= 0) {
                predictions = new float[n];
                for (int i = 0; i < n; i++) {
                    predictions[i] = in.readFloat();
                }
            }
            return new TrialReply(outcome, loss, predictions);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a trial reply: " + e.getMessage(), e);
        }
    }
}
