package automl4j.cli;

import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelVersion;
import automl4j.registry.RegistryException;
import automl4j.scoring.ScoringModel;
import automl4j.serving.ModelSource;
import automl4j.serving.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The production version of a registered model as a {@link ModelSource}: {@link #load()} loads it (its file checked
 * against the recorded SHA-256), and {@link #watch} polls the registry's {@link ModelRegistry#lastChange()} every
 * interval; when the production version differs from the one served (a promotion or a rollback, in this process or
 * another), it loads the new one beside the old and hands it to the listener, which swaps it in. A version is served as
 * {@code NAME@VERSION}.
 *
 * <p>It lives in the command-line module, not in {@code automl4j-serving}, so that the server stays free of SQLite and
 * the registry: the server only knows {@link ModelSource}, and the tool, which already holds both, joins them.
 *
 * <p>When the model has no production version any more (its version deleted with force, or moved to another stage),
 * the served version keeps serving and the source says so once on {@code log}; the next production version is then
 * loaded as usual. A poll that fails (the database unreadable for a moment) is reported once and retried at the next
 * interval.
 */
final class RegistryModelSource implements ModelSource {
    private final ModelRegistry registry;
    private final String name;
    private final Duration interval;
    private final Consumer<String> log;
    private ScheduledExecutorService poller;
    // Written by load() on the caller's thread, then only by the poller thread.
    private volatile long seenChange = -1;
    private volatile int servedVersion;
    private String lastProblem;

    /**
     * A source for the production version of {@code name}. Takes over {@code registry} and closes it in {@link #close()}.
     *
     * @param interval how often {@link #watch} polls the registry; at least 10 ms
     * @param log      told, one line each, when the model has no production version any more and when a poll fails
     */
    RegistryModelSource(ModelRegistry registry, String name, Duration interval, Consumer<String> log) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.log = Objects.requireNonNull(log, "log");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("poll interval must be at least 10 ms, but was " + interval.toMillis() + " ms");
        }
    }

    /** How a registry version is named in answers, {@code /metadata} and metrics. */
    static String label(ModelVersion v) {
        return v.name() + "@" + v.version();
    }

    /**
     * Loads the production version.
     *
     * @throws RegistryException if the model is unknown, has no production version, or its file was altered
     * @throws automl4j.scoring.ModelFileException if the file cannot be loaded
     */
    @Override
    public synchronized ServedModel load() {
        long change = registry.lastChange();
        ModelVersion production = registry.production(name).orElseThrow(() -> new RegistryException("model '" + name
                + "' has no production version in " + registry.database() + "; promote one first: automl models promote "
                + name + " VERSION --stage production --registry " + registry.database()));
        ServedModel served = read(production);
        seenChange = change;
        servedVersion = production.version();
        return served;
    }

    @Override
    public synchronized void watch(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (poller != null) {
            throw new IllegalStateException("already watching model '" + name + "'");
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "automl-serving-registry-poll");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        poller.scheduleWithFixedDelay(() -> poll(listener), ms, ms, TimeUnit.MILLISECONDS);
    }

    private void poll(Listener listener) {
        long change;
        Optional<ModelVersion> production;
        try {
            change = registry.lastChange();
            if (change == seenChange) {
                return;   // the usual case: one indexed read, nothing changed anywhere in the registry
            }
            production = registry.production(name);
        } catch (RuntimeException e) {
            // Not marked as seen: retried at the next interval, and reported once until it works again.
            report("cannot poll the registry for model '" + name + "' (still serving " + name + "@" + servedVersion + "): "
                    + e.getMessage());
            return;
        }
        seenChange = change;
        if (production.isEmpty()) {
            report("model '" + name + "' has no production version in " + registry.database() + " any more; still serving "
                    + name + "@" + servedVersion);
            return;
        }
        lastProblem = null;
        ModelVersion next = production.get();
        if (next.version() == servedVersion) {
            return;   // another model's change, or this model's other stages
        }
        ServedModel loaded;
        try {
            loaded = read(next);
        } catch (RuntimeException e) {
            // Marked as seen all the same: an altered or damaged file stays so; the next change is tried again.
            listener.failed(e);
            return;
        }
        servedVersion = next.version();
        listener.newVersion(loaded);
    }

    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            log.accept(problem);
        }
    }

    private ServedModel read(ModelVersion v) {
        Path file = registry.checkedFile(v);   // the registry's copy never changes after registration, so no re-check
        return new ServedModel(ScoringModel.load(file), label(v));
    }

    /** Stops polling and closes the registry; the versions loaded stay usable. */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);   // no poll may use the registry once it is closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        registry.close();
    }

    @Override
    public String toString() {
        return "RegistryModelSource[" + name + " in " + registry.database() + "]";
    }
}
