package automl4j.serving;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP scoring server for one {@link LiveModel}, on Jetty's core handlers: predictions as JSON or CSV, the schema
 * and metadata, health, readiness, Prometheus metrics and its OpenAPI description (README, "Scoring server"). Started
 * by {@link #start}; {@link #stop()} stops accepting, lets the requests in flight finish (at most
 * {@link ServerOptions#drainTimeout()}) and returns. Thread-safe.
 *
 * <pre>{@code
 * LiveModel live = new LiveModel("churn");
 * live.swap(new FileModelSource(file, Duration.ofSeconds(2)).load(), Duration.ZERO);
 * try (ScoringServer server = ScoringServer.start(live, ServerOptions.builder().port(0).build())) {
 *     URI predict = server.uri().resolve("/predict");
 * }
 * }</pre>
 */
public final class ScoringServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final LiveModel live;
    private final ServerOptions options;
    private final ServerMetrics metrics;
    private final Router router;
    private final AdmissionGate gate;
    private final AdmissionGate readers;
    private volatile int boundPort = -1;

    private ScoringServer(LiveModel live, ServerOptions options) {
        this.live = live;
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool(options.threads(), Math.min(8, options.threads()));
        threads.setName("automl-serving");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setIdleTimeout(options.idleTimeout().toMillis());
        if (options.tlsKeystore().isPresent()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(options.tlsKeystore().get().toString());
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStorePassword(new String(options.tlsPassword()));
            // One certificate, whatever name the client asked for: no SNI check against the Host header.
            http.addCustomizer(new SecureRequestCustomizer(false));
            this.connector = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        } else {
            this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);
        this.gate = new AdmissionGate(options.maxConcurrent(), options.queue());
        this.metrics = new ServerMetrics(live, gate);
        ApiKeyCheck key = options.apiKey().map(ApiKeyCheck::new).orElse(null);
        this.readers = new AdmissionGate(options.maxConcurrent() + options.queue(), 0, "the server is reading as many request"
                + " bodies as it may (--max-concurrent + --queue); retry shortly");
        this.router = new Router(live, key, new PredictEndpoint(live, options, gate, readers, metrics), metrics);
        server.setHandler(new GracefulHandler(router));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(options.drainTimeout().toMillis());
        server.setStopAtShutdown(false);   // the caller decides: automl serve stops it from its own shutdown hook
    }

    /**
     * Binds and starts a server for {@code live}. The model may be swapped in later; until then predictions and
     * {@code /health} answer 503.
     *
     * @throws IllegalStateException if the server cannot start: the port is taken, the keystore cannot be read, too few
     *                               threads; the message says which
     */
    public static ScoringServer start(LiveModel live, ServerOptions options) {
        ScoringServer s = new ScoringServer(Objects.requireNonNull(live, "live"), Objects.requireNonNull(options, "options"));
        try {
            s.server.start();
            s.boundPort = s.connector.getLocalPort();   // kept: a closed connector reports a negative port
        } catch (Exception e) {
            try {
                s.server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start the scoring server on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** The port the server listens on (the one the system picked for port 0). */
    public int port() {
        return boundPort;
    }

    /** The server's base address, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create((options.tlsKeystore().isPresent() ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    /** The model holder this server answers with. */
    public LiveModel live() {
        return live;
    }

    /**
     * Serves {@code next} from now on and waits, at most {@link ServerOptions#drainTimeout()}, until no request holds
     * the version it replaces.
     *
     * @return true if the old version drained in time
     * @throws InterruptedException if interrupted while waiting; the swap itself has happened
     */
    public boolean swap(ServedModel next) throws InterruptedException {
        boolean first = live.current().isEmpty();
        boolean drained = live.swap(next, options.drainTimeout());
        if (!first) {
            metrics.swapped();
        }
        return drained;
    }

    /**
     * Swaps in every new version {@code source} reports from now on, and tells {@code log} of each swap and each
     * version that failed to load (one line each).
     */
    public void follow(ModelSource source, Consumer<String> log) {
        Objects.requireNonNull(log, "log");
        source.watch(new ModelSource.Listener() {
            @Override
            public void newVersion(ServedModel next) {
                String old = live.current().map(ServedModel::version).orElse("none");
                try {
                    boolean drained = swap(next);
                    log.accept("swapped model '" + live.name() + "' " + old + " -> " + next.version()
                            + (drained ? "" : " (requests on " + old + " still running after the drain timeout)"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void failed(RuntimeException error) {
                log.accept("kept model '" + live.name() + "' " + live.current().map(ServedModel::version).orElse("none")
                        + ": the new version failed to load: " + error.getMessage());
            }
        });
    }

    /**
     * Stops gracefully: {@code /ready} answers 503, the connector stops accepting, requests in flight finish (at most
     * {@link ServerOptions#drainTimeout()}), then the server stops. Idempotent.
     */
    public void stop() {
        router.drain();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the scoring server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Prediction requests holding a reading slot now (being read, waiting or scored), for tests that hold one open. */
    int heldRequests() {
        return readers.active();
    }

    /** Waits until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ScoringServer[" + uri() + ", model " + live.name() + "]";
    }
}
