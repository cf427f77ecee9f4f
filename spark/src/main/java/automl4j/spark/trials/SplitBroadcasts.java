package automl4j.spark.trials;

import automl4j.execute.SplitCodec;
import automl4j.execute.SplitStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver's broadcasts of a run's split sets: each set is encoded ({@link SplitCodec}) and broadcast once, when a
 * trial first names its key, and every later trial's task reads the same broadcast (each executor fetches and decodes
 * it once, {@link ExecutorState}). Destroyed with the runner. Thread-safe.
 */
final class SplitBroadcasts {
    private final JavaSparkContext spark;
    private final SplitStore store;
    private final Map<String, Broadcast<byte[]>> byKey = new HashMap<>();
    private boolean destroyed;

    SplitBroadcasts(JavaSparkContext spark, SplitStore store) {
        this.spark = spark;
        this.store = store;
    }

    /**
     * The broadcast of split set {@code key}, featurized (by the store) and broadcast on first use.
     *
     * @throws RuntimeException what featurizing threw (the trial that asked fails with it)
     * @throws IllegalStateException once destroyed
     */
    synchronized Broadcast<byte[]> of(String key) {
        if (destroyed) {
            throw new IllegalStateException("the split sets of this runner were released: it is closed");
        }
        Broadcast<byte[]> b = byKey.get(key);
        if (b == null) {
            b = spark.broadcast(SplitCodec.toBytes(store.splits(key)));
            byKey.put(key, b);
        }
        return b;
    }

    /** How many split sets were broadcast. */
    synchronized int count() {
        return byKey.size();
    }

    /** Frees the broadcasts on the driver and the executors; later calls of {@link #of} throw. */
    void destroy() {
        List<Broadcast<byte[]>> all;
        synchronized (this) {
            destroyed = true;
            all = new ArrayList<>(byKey.values());
            byKey.clear();
        }
        all.forEach(Broadcast::destroy);   // not blocking: executors drop their copies as they hear of it
        // Decoded copies on a cluster's executors age out of their small caches; this JVM's go now.
        ExecutorState.forget(all.stream().map(Broadcast::id).toList());
    }
}
