package automl4j.spark.scoring;

import automl4j.scoring.ScoringModel;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The models an executor JVM has loaded, keyed by the SHA-256 of their file, so that every task of every transform with
 * the same file shares one {@link ScoringModel} (immutable and thread-safe) instead of parsing the file per partition.
 * Holds the {@value #MAX_MODELS} models used last: a long-lived executor that scores many models does not keep them all.
 */
final class ModelCache {
    /** Models kept per JVM; a scoring job uses one, a pipeline of a few transformers a few more. */
    static final int MAX_MODELS = 8;

    // Access order, so the eldest entry is the model used least recently. Guarded by its own lock: loads are rare and
    // short next to scoring a partition.
    private static final Map<String, ScoringModel> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScoringModel> eldest) {
            return size() > MAX_MODELS;
        }
    };

    private ModelCache() {
    }

    /**
     * The model of file {@code sha256}, loaded from {@code bytes} the first time this JVM asks for it.
     *
     * @throws automl4j.scoring.ModelFileException if the bytes are not a model the scoring library evaluates
     */
    static ScoringModel get(String sha256, Supplier<byte[]> bytes) {
        synchronized (MODELS) {
            ScoringModel m = MODELS.get(sha256);
            if (m == null) {
                m = ScoringModel.load(new ByteArrayInputStream(bytes.get()), "model " + sha256.substring(0, 12));
                MODELS.put(sha256, m);
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
