package automl4j.serving;

import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * Answers {@code POST /predict}: checks the content type and declared length, takes a reading slot, reads and parses
 * the body within the limits, then takes a scoring turn at the gate, scores every row with the version current at
 * that moment, and answers the predictions in row order. The body is read before the scoring turn is taken, so that
 * clients sending slowly hold only reading slots and never the turns that scoring needs (the load test's slow-loris
 * clients made other requests wait out their timeouts when the turn was taken first). A request keeps its reading
 * slot to the end, so memory for bodies stays bounded by {@code (max-concurrent + queue) x max-body-bytes}.
 */
final class PredictEndpoint {
    private final LiveModel live;
    private final ServerOptions options;
    private final AdmissionGate gate;
    private final AdmissionGate readers;
    private final ServerMetrics metrics;

    /**
     * @param gate    the scoring turns: max-concurrent, with a queue
     * @param readers the reading slots: requests whose bodies may be in memory at once, refused at once when full
     */
    PredictEndpoint(LiveModel live, ServerOptions options, AdmissionGate gate, AdmissionGate readers, ServerMetrics metrics) {
        this.live = live;
        this.options = options;
        this.gate = gate;
        this.readers = readers;
        this.metrics = metrics;
    }

    Answer answer(Request request, long startNanos) {
        RequestBody.Format format = RequestBody.format(request);
        RequestBody.checkDeclaredLength(request, options.maxBodyBytes());
        long deadline = startNanos + options.timeout().toNanos();
        readers.enter(deadline);
        try {
            String body = RequestBody.read(request, options.maxBodyBytes(), deadline, options.minDataRate());
            List<Map<String, Object>> rows = format == RequestBody.Format.JSON
                    ? JsonRows.parse(body, options.maxRows()) : CsvRows.parse(body, options.maxRows());
            gate.enter(deadline);
            try (LiveModel.Lease lease = lease()) {
                Prediction[] predictions = score(lease.served().model(), rows, deadline);
                metrics.scored(predictions.length);
                return Answer.json(200, JsonAnswers.predictions(live.name(), lease.served().version(), predictions));
            } finally {
                gate.exit();
            }
        } finally {
            readers.exit();
        }
    }

    private LiveModel.Lease lease() {
        try {
            return live.acquire();
        } catch (IllegalStateException e) {
            throw new HttpProblem(503, "not_ready", e.getMessage(), "Retry-After", "1");
        }
    }

    // Row by row rather than predictRows, to look at the deadline between rows; the messages are predictRows' own.
    private static Prediction[] score(ScoringModel model, List<Map<String, Object>> rows, long deadline) {
        Prediction[] out = new Prediction[rows.size()];
        for (int i = 0; i < out.length; i++) {
            if ((i & 63) == 63 && System.nanoTime() - deadline > 0) {
                throw new HttpProblem(504, "timeout", "scoring did not finish within the request timeout (--timeout-ms) after "
                        + i + " of " + out.length + " rows; send fewer rows per request");
            }
            try {
                out[i] = model.predict(rows.get(i));
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "validation", "row " + i + ": " + e.getMessage());
            }
        }
        return out;
    }
}
