package automl4j.serving;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's Prometheus metrics, in a registry of its own (two servers in one JVM keep theirs apart). Endpoints are
 * labelled by route template ({@code /models/{name}/predict}, and {@code other} for unknown paths) so that a client
 * cannot grow the label set.
 */
final class ServerMetrics {
    private static final double[] LATENCY_BOUNDS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter rows;
    private final Counter errors;
    private final Counter swaps;

    ServerMetrics(LiveModel live, AdmissionGate gate) {
        requests = Counter.builder().name("automl_serving_requests_total").help("HTTP requests answered, by endpoint and status")
                .labelNames("endpoint", "status").register(registry);
        latency = Histogram.builder().name("automl_serving_request_duration_seconds")
                .help("Time from a request's arrival to its answer being handed to the connection, by endpoint")
                .labelNames("endpoint").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
        rows = Counter.builder().name("automl_serving_rows_scored_total").help("Rows predicted").register(registry);
        errors = Counter.builder().name("automl_serving_errors_total").help("Error answers, by kind (as in the error body)")
                .labelNames("kind").register(registry);
        swaps = Counter.builder().name("automl_serving_model_swaps_total").help("Versions swapped in after the first")
                .register(registry);
        GaugeWithCallback.builder().name("automl_serving_model_info").help("The served model's name and version (value 1)")
                .labelNames("model", "version")
                .callback(cb -> live.current().ifPresent(s -> cb.call(1, live.name(), s.version()))).register(registry);
        GaugeWithCallback.builder().name("automl_serving_in_flight_requests")
                .help("Prediction requests holding the current version now").callback(cb -> cb.call(live.inFlight()))
                .register(registry);
        GaugeWithCallback.builder().name("automl_serving_active_requests")
                .help("Prediction requests holding a turn now (--max-concurrent)").callback(cb -> cb.call(gate.active()))
                .register(registry);
        GaugeWithCallback.builder().name("automl_serving_queued_requests")
                .help("Prediction requests waiting for a turn (--queue)").callback(cb -> cb.call(gate.waiting()))
                .register(registry);
    }

    void answered(String endpoint, int status, long nanos, String errorKind) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(nanos / 1e9);
        if (errorKind != null) {
            errors.labelValues(errorKind).inc();
        }
    }

    void scored(int n) {
        rows.inc(n);
    }

    void swapped() {
        swaps.inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return out.toByteArray();
    }
}
