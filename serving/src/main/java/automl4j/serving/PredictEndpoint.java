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

    /** Rows scored per call of the model's batch path; the deadline is looked at between chunks. */
    private static final int CHUNK = 256;

    // In chunks through predictRows, the scoring module's batch path (each member scores the whole chunk: several times
    // faster than row by row for tree ensembles), looking at the deadline between chunks. A chunk with a bad row is
    // scored again row by row, so that the message names the row's index in the whole request.
    private static Prediction[] score(ScoringModel model, List<Map<String, Object>> rows, long deadline) {
        Prediction[] out = new Prediction[rows.size()];
        for (int from = 0; from < out.length; from += CHUNK) {
            if (from > 0 && System.nanoTime() - deadline > 0) {
                throw new HttpProblem(504, "timeout", "scoring did not finish within the request timeout (--timeout-ms) after "
                        + from + " of " + out.length + " rows; send fewer rows per request");
            }
            int to = Math.min(out.length, from + CHUNK);
            try {
                List<Prediction> chunk = model.predictRows(rows.subList(from, to));
                for (int i = from; i < to; i++) {
                    out[i] = chunk.get(i - from);
                }
            } catch (IllegalArgumentException e) {
                for (int i = from; i < to; i++) {
                    try {
                        out[i] = model.predict(rows.get(i));
                    } catch (IllegalArgumentException bad) {
                        throw new HttpProblem(400, "validation", "row " + i + ": " + bad.getMessage());
                    }
                }
                throw new HttpProblem(400, "validation", "rows " + from + " to " + (to - 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
