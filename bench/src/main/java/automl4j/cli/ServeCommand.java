package automl4j.cli;

import automl4j.registry.ModelRegistry;
import automl4j.serving.FileModelSource;
import automl4j.serving.LiveModel;
import automl4j.serving.ModelSource;
import automl4j.serving.ScoringServer;
import automl4j.serving.ServedModel;
import automl4j.serving.ServerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code automl serve --model FILE} or {@code automl serve --registry DB --model NAME}: loads the model (the file, or the
 * registered model's production version, followed by {@link RegistryModelSource}), serves it with
 * {@link ScoringServer} until SIGTERM or Ctrl-C, then stops gracefully. Prints one line when ready: the address, the
 * model's name and its version.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve an exported model, or a registered model's production version, over HTTP.",
                "POST /predict takes a JSON array of row objects (or CSV) and answers the predictions in order; GET /health, "
                        + "/ready, /schema, /metadata, /metrics (Prometheus) and /openapi.yaml describe the server. Binds to "
                        + "127.0.0.1 unless --host says otherwise. Prints one line once ready. SIGTERM or Ctrl-C stops "
                        + "accepting, lets requests in flight finish (at most --drain-ms) and exits."})
final class ServeCommand implements Callable<Integer> {
    private static final ServerOptions DEFAULTS = ServerOptions.builder().build();
    private static final long DEFAULT_POLL_MS = 1000;

    @Option(names = "--model", required = true, paramLabel = "FILE|NAME", description = "A model file written by 'automl "
            + "run' or 'automl demo'; with --registry, the name of a registered model, whose production version is served.")
    String model;

    @Option(names = "--registry", paramLabel = "DB", description = "Serve the production version of the registered model "
            + "--model NAME from this registry (the SQLite file of 'automl run --register') and follow it: a promotion or a "
            + "rollback is loaded beside the served version and swapped in without failing a request. The version is "
            + "reported as NAME@VERSION. No production version at start exits with code 2.")
    Path registry;

    @Option(names = "--poll-ms", paramLabel = "MS", description = "With --registry, how often the registry is asked whether "
            + "the production version changed, at least 10 (default: " + DEFAULT_POLL_MS + ").")
    Long pollMs;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port to listen on; 0 picks a free one "
            + "and the ready line says which (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind; 0.0.0.0 for every interface "
            + "(default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--name", description = "Name in /models/NAME/predict (default: the model file's name without its "
            + "extension; with --registry, the registered model's name).")
    String name;

    @Option(names = "--max-body-bytes", defaultValue = "8388608", paramLabel = "N", description = "Largest request body; a "
            + "larger one answers 413 (default: ${DEFAULT-VALUE}, 8 MiB).")
    long maxBodyBytes;

    @Option(names = "--max-rows", defaultValue = "10000", paramLabel = "N", description = "Most rows per request; more "
            + "answer 413 (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Most prediction requests handled at once "
            + "(default: twice the processors, at least 2).")
    Integer maxConcurrent;

    @Option(names = "--queue", defaultValue = "64", paramLabel = "N", description = "Most prediction requests waiting for a "
            + "turn; one more answers 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--timeout-ms", defaultValue = "10000", paramLabel = "MS", description = "Longest a prediction request "
            + "may take: 503 if it waited that long for a turn, 408 if its body arrived that slowly, 504 if scoring took "
            + "that long (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--idle-timeout-ms", defaultValue = "30000", paramLabel = "MS", description = "A connection silent that "
            + "long is closed, which cuts slow-loris clients (default: ${DEFAULT-VALUE}).")
    long idleTimeoutMs;

    @Option(names = "--min-data-rate", defaultValue = "4096", paramLabel = "BYTES_PER_S", description = "A request body "
            + "arriving slower than this is cut with 408, against slow-loris bodies; 0: no minimum (default: ${DEFAULT-VALUE}).")
    long minDataRate;

    @Option(names = "--drain-ms", defaultValue = "10000", paramLabel = "MS", description = "How long a stop, or a swap "
            + "with --watch or --registry, waits for requests in flight (default: ${DEFAULT-VALUE}).")
    long drainMs;

    @Option(names = "--threads", paramLabel = "N", description = "Size of the server's thread pool, at least 8 (default: "
            + "max concurrent + queue + 16).")
    Integer threads;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "File holding the API key (UTF-8, trailing line "
            + "break ignored); every request but /health and /ready must then send 'Authorization: Bearer KEY' or "
            + "'X-API-Key: KEY', or gets 401.")
    Path apiKeyFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 keystore with the server's key and "
            + "certificate: serve HTTPS. Needs --tls-password-file.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore's password "
            + "(trailing line break ignored).")
    Path tlsPasswordFile;

    @Option(names = "--watch", description = "Reload the model when the file changes (replace it by renaming a complete "
            + "copy over it): the new version is loaded beside the old one and swapped in without failing a request; "
            + "a file that fails to load is reported and the old version keeps serving.")
    boolean watch;

    @Option(names = "--watch-interval-ms", defaultValue = "2000", paramLabel = "MS", description = "How often --watch "
            + "looks at the file (default: ${DEFAULT-VALUE}).")
    long watchIntervalMs;

    @Override
    public Integer call() throws Exception {
        ServerOptions options = options();
        checkSourceOptions();
        LiveModel live = liveModel();
        ModelSource source = source();
        ServedModel first;
        ScoringServer server;
        try {
            // A missing or damaged file, or a model without a production version, fails here, before the port is bound.
            first = source.load();
            live.swap(first, Duration.ZERO);
            server = ScoringServer.start(live, options);
        } catch (IllegalStateException e) {
            source.close();
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        if (watch || registry != null) {
            server.follow(source, ServeCommand::log);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            source.close();
            server.stop();
        }, "automl-serve-stop"));
        CommonOptions.out.println("serving model '" + live.name() + "' version " + first.version() + " from "
                + (registry != null ? "registry " + registry : model) + " at " + server.uri());
        CommonOptions.out.flush();
        server.join();
        return ExitCodes.OK;
    }

    private void checkSourceOptions() {
        if (watchIntervalMs < 10) {
            throw new UsageException("--watch-interval-ms must be >= 10, but was " + watchIntervalMs);
        }
        if (registry == null) {
            if (pollMs != null) {
                throw new UsageException("--poll-ms goes with --registry; a model file is followed with --watch and "
                        + "--watch-interval-ms");
            }
            return;
        }
        if (watch) {
            throw new UsageException("--watch is for a model file; with --registry the production version is always "
                    + "followed (every --poll-ms)");
        }
        if (pollMs != null && pollMs < 10) {
            throw new UsageException("--poll-ms must be >= 10, but was " + pollMs);
        }
        if (!Files.isRegularFile(registry)) {
            throw new UsageException("--registry " + registry + ": no registry database there (runs are registered with "
                    + "automl run --register NAME)");
        }
    }

    private ModelSource source() {
        if (registry != null) {
            Duration poll = Duration.ofMillis(pollMs != null ? pollMs : DEFAULT_POLL_MS);
            return new RegistryModelSource(ModelRegistry.open(registry), model, poll, ServeCommand::log);
        }
        return new FileModelSource(modelFile(), Duration.ofMillis(watchIntervalMs));
    }

    private Path modelFile() {
        try {
            return Path.of(model);
        } catch (InvalidPathException e) {
            throw new UsageException("--model " + model + " is not a file name: " + e.getMessage());
        }
    }

    private static void log(String line) {
        System.err.println("automl serve: " + line);
    }

    private LiveModel liveModel() {
        String served = name != null ? name : registry != null ? model : FileModelSource.defaultName(modelFile());
        try {
            return new LiveModel(served);
        } catch (IllegalArgumentException e) {
            throw new UsageException((name != null ? "--name: " : registry != null ? "--model: "
                    : "the model file's name cannot serve as a name (use --name): ") + e.getMessage());
        }
    }

    private ServerOptions options() {
        if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
            throw new UsageException("--tls-keystore and --tls-password-file go together; give both or neither");
        }
        try {
            ServerOptions.Builder b = ServerOptions.builder().host(host).port(port).maxBodyBytes(maxBodyBytes)
                    .maxRows(maxRows).maxConcurrent(maxConcurrent != null ? maxConcurrent : DEFAULTS.maxConcurrent())
                    .queue(queue).timeout(Duration.ofMillis(timeoutMs)).idleTimeout(Duration.ofMillis(idleTimeoutMs))
                    .minDataRate(minDataRate)
                    .drainTimeout(Duration.ofMillis(drainMs));
            if (threads != null) {
                b.threads(threads);
            }
            if (apiKeyFile != null) {
                b.apiKey(secret(apiKeyFile, "--api-key-file").getBytes(StandardCharsets.UTF_8));
            }
            if (tlsKeystore != null) {
                if (!Files.isReadable(tlsKeystore)) {
                    throw new UsageException("--tls-keystore " + tlsKeystore + " is not a readable file");
                }
                b.tls(tlsKeystore, secret(tlsPasswordFile, "--tls-password-file").toCharArray());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String secret(Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + " " + file + " cannot be read: " + e.getMessage());
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new UsageException(option + " " + file + " is empty");
        }
        return trimmed;
    }
}
