package automl4j.serving;

/**
 * Where the served model's versions come from: a model file ({@link FileModelSource}), or a registry's production
 * version. The server asks {@link #load()} once at start; a source whose versions change calls its listener with each
 * new version, already loaded, and the server swaps it in ({@link LiveModel#swap}).
 *
 * <p>A registry source implements these three methods: {@code load} loads the version to serve now, {@code watch}
 * notices a promotion or rollback (polling or a notification) and hands the newly loaded version to the listener on a
 * thread of its own, {@code close} stops that. Loading is the source's job, so a version that fails to load is
 * reported to {@link Listener#failed} and the current one keeps serving.
 */
public interface ModelSource extends AutoCloseable {
    /**
     * Loads the version to serve now.
     *
     * @throws automl4j.scoring.ModelFileException if it cannot be read or loaded
     */
    ServedModel load();

    /**
     * From now on, tells {@code listener} of every new version, loaded, until {@link #close()}. Called at most once,
     * after {@link #load()}. A source whose model never changes does nothing, as this default.
     */
    default void watch(Listener listener) {
    }

    /** Stops watching and frees what the source holds; the versions it loaded stay usable. */
    @Override
    default void close() {
    }

    /** Told of new versions by a watching source, on the source's thread. */
    interface Listener {
        /** A new version, loaded and ready to swap in. */
        void newVersion(ServedModel next);

        /** A new version was seen but could not be loaded; the current one keeps serving. */
        void failed(RuntimeException error);
    }
}
