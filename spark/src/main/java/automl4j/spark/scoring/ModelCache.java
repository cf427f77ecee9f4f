package automl4j.spark.scoring;

import automl4j.AutoMlModel;
import automl4j.scoring.ScoringModel;
import java.io.ByteArrayInputStream;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;
import tech.tablesaw.api.ColumnType;

/**
 * The models an executor JVM has loaded, keyed by the SHA-256 of their file (and the scorer that loaded them), so that
 * tasks do not parse the file per partition: the scoring library's model is shared by every task (it is immutable and
 * takes no lock); the engine's are pooled, one per concurrent task. Holds the {@value #MAX_MODELS} files used last: a
 * long-lived executor that scores many models does not keep them all.
 */
final class ModelCache {
    /** Models kept per JVM; a scoring job uses one, a pipeline of a few transformers a few more. */
    static final int MAX_MODELS = 8;

    // Access order, so the eldest entry is the model used least recently. Guarded by its own lock: loads are rare and
    // short next to scoring a partition.
    private static final Map<String, Object> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_MODELS;
        }
    };

    static {
        // Tablesaw's column types are lazy singletons set without a lock (DoubleColumnType.instance() and the like):
        // two task threads creating their first columns at once can make two DOUBLE types, and the engine's
        // `type() == ColumnType.BOOLEAN` checks then fail. Creating them all here, in this class's initialization,
        // which every task passes (and synchronizes with) before it scores, leaves one of each.
        ColumnType.values();
    }

    private ModelCache() {
    }

    /**
     * The scoring library's model of file {@code sha256}, loaded from {@code bytes} the first time this JVM asks.
     *
     * @throws automl4j.scoring.ModelFileException if the bytes are not a model the scoring library evaluates
     */
    static ScoringModel library(String sha256, Supplier<byte[]> bytes) {
        return get("scoring:" + sha256, bytes, b -> ScoringModel.load(new ByteArrayInputStream(b), "model " + sha256.substring(0, 12)));
    }

    /**
     * An engine model of file {@code sha256} for one task to use alone, loaded from {@code bytes} when every loaded one
     * is in use; give it back with {@link #giveBack}. One per concurrent task rather than one per JVM: the engine's
     * XGBoost model predicts under a lock on its booster (its prediction cache is not thread-safe), so tasks sharing one
     * model would score one at a time.
     *
     * @throws automl4j.export.ModelFileException if the bytes are not a model the engine loads (a learner missing
     *                                            from the class path among the reasons)
     */
    static AutoMlModel borrowEngine(String sha256, Supplier<byte[]> bytes) {
        Deque<AutoMlModel> free = get("engine:" + sha256, bytes, b -> new ConcurrentLinkedDeque<>());
        AutoMlModel m = free.pollFirst();
        return m != null ? m : automl4j.spark.ModelBytes.load(bytes.get());
    }

    /** Returns a model {@link #borrowEngine} lent, for the next task. */
    static void giveBack(String sha256, AutoMlModel model) {
        Deque<AutoMlModel> free;
        synchronized (MODELS) {
            @SuppressWarnings("unchecked")   // the "engine:" prefix stores pools
            Deque<AutoMlModel> pool = (Deque<AutoMlModel>) MODELS.get("engine:" + sha256);
            free = pool;
        }
        if (free != null) {   // else evicted meanwhile: the model is dropped with its pool
            free.addFirst(model);
        }
    }

    private static <T> T get(String key, Supplier<byte[]> bytes, Function<byte[], T> load) {
        synchronized (MODELS) {
            @SuppressWarnings("unchecked")   // each key prefix stores one type
            T m = (T) MODELS.get(key);
            if (m == null) {
                m = load.apply(bytes.get());
                MODELS.put(key, m);
            }
            return m;
        }
    }

    /** How many models this JVM holds; for tests. */
    static int size() {
        synchronized (MODELS) {
            return MODELS.size();
        }
    }
}
