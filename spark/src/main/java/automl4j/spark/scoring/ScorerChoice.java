package automl4j.spark.scoring;

import automl4j.scoring.ModelMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What {@value AutoMlTransformer#AUTO} scores with: the engine where it is the faster of the two and it can run, else
 * the scoring library. Both predict the same bits, so the choice is one of speed only. The engine's scorer copies each
 * batch into a Tablesaw table first, which costs about what the scoring library spends on a small model; its gain is
 * the learners' native tree predictors, over twice as fast as the library's plain-Java walk, and it grows with the
 * trees. {@code spark/bench-scoring.sh}: bench's golden XGBoost (a 9 KB payload) scores faster with the library,
 * an XGBoost of 300 trees of depth 6 (a 650 KB payload) twice as fast with the engine; {@value #TREE_BYTES} bytes of
 * tree payload is about where the two meet.
 */
final class ScorerChoice {
    /** Uncompressed bytes of XGBoost and LightGBM payloads from which the engine is chosen. */
    static final long TREE_BYTES = 64 * 1024;
    /** The learners whose engine predictors are native, and faster than the scoring library's. */
    private static final Set<String> NATIVE_TREES = Set.of("xgboost", "lightgbm");

    private ScorerChoice() {
    }

    /**
     * True if the model's tree ensembles with native predictors are large enough for the engine to score faster: the
     * model file's member payloads ({@code models/} entries) hold at least {@link #TREE_BYTES} bytes and one of its
     * members is an XGBoost or LightGBM.
     */
    static boolean engineFaster(byte[] file, ModelMetadata metadata) {
        if (metadata.members().stream().noneMatch(m -> NATIVE_TREES.contains(m.learner()))) {
            return false;
        }
        return payloadBytes(file) >= TREE_BYTES;
    }

    // The uncompressed size of the member payloads, read through the zip (its directory may not give sizes for
    // entries written as a stream).
    private static long payloadBytes(byte[] file) {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("models/")) {
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        total += n;
                    }
                }
            }
        } catch (IOException e) {   // a byte array: only a damaged file, which the scoring library loaded already
            throw new UncheckedIOException("cannot read the model file's entries: " + e.getMessage(), e);
        }
        return total;
    }
}
