package automl4j.spark.trials;

import automl4j.execute.PluginRegistry;
import automl4j.execute.PreparedSplit;
import automl4j.execute.SplitCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.broadcast.Broadcast;

/**
 * What one executor JVM keeps between trials: the plug-ins found on its class path (once), and the split sets it has
 * decoded from their broadcasts (each once, the last few kept), so that a trial pays neither discovery nor decoding
 * after the first on that executor. Thread-safe: an executor runs several trials at once.
 */
final class ExecutorState {
    /** Split sets kept decoded per executor: a run has a few featurization choices; more are decoded again. */
    private static final int KEPT_SPLIT_SETS = 8;

    private static Supplier<PluginRegistry> plugins;
    private static final Map<Long, List<PreparedSplit>> SPLITS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<PreparedSplit>> eldest) {
            return size() > KEPT_SPLIT_SETS;
        }
    };

    private ExecutorState() {
    }

    /**
     * The plug-ins on this executor's class path, rebuilt by id.
     *
     * @throws IllegalStateException if discovery failed (two providers of one id), with the reason; each trial fails with it
     */
    static PluginRegistry plugins() {
        Supplier<PluginRegistry> p;
        synchronized (ExecutorState.class) {
            if (plugins == null) {
                plugins = discover();
            }
            p = plugins;
        }
        return p.get();
    }

    private static Supplier<PluginRegistry> discover() {
        try {
            PluginRegistry found = PluginRegistry.discovered();
            return () -> found;
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            return () -> {
                throw new IllegalStateException("this Spark executor cannot load its AutoML4J plug-ins: " + e.getMessage(), e);
            };
        }
    }

    /**
     * Drops the decoded split sets of {@code broadcastIds} (destroyed broadcasts): in local mode the driver's JVM is the
     * executor, and a closed runner's sets should not stay in its heap until they age out.
     */
    static void forget(java.util.Collection<Long> broadcastIds) {
        synchronized (SPLITS) {
            SPLITS.keySet().removeAll(broadcastIds);
        }
    }

    /** The split set in {@code broadcast}, decoded on first use on this executor. */
    static List<PreparedSplit> splits(Broadcast<byte[]> broadcast) {
        synchronized (SPLITS) {
            List<PreparedSplit> s = SPLITS.get(broadcast.id());
            if (s == null) {
                // Decoded under the lock: concurrent trials of one set wait for one decoding instead of each making one.
                s = SplitCodec.fromBytes(broadcast.value());
                SPLITS.put(broadcast.id(), s);
            }
            return s;
        }
    }
}
