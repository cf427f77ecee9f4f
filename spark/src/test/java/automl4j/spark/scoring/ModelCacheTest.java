package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMlModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One scoring-library model per file and JVM; engine models lent one per concurrent task (the engine's XGBoost predicts
 * under a lock on its booster) and reused once given back.
 */
class ModelCacheTest {
    private static final Path FILE = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2", "xgboost.automl");

    @Test
    void libraryModelIsSharedByEveryCaller() throws Exception {
        byte[] bytes = Files.readAllBytes(FILE);
        String sha = Sha256.hex(bytes);
        assertThat(ModelCache.library(sha, () -> bytes)).isSameAs(ModelCache.library(sha, () -> bytes));
    }

    @Test
    void engineModelsAreLentOnePerBorrowerAndReusedWhenGivenBack() throws Exception {
        byte[] bytes = Files.readAllBytes(FILE);
        String sha = Sha256.hex(bytes);
        AutoMlModel first = ModelCache.borrowEngine(sha, () -> bytes);
        AutoMlModel second = ModelCache.borrowEngine(sha, () -> bytes);
        assertThat(second).isNotSameAs(first);
        ModelCache.giveBack(sha, first);
        assertThat(ModelCache.borrowEngine(sha, () -> bytes)).isSameAs(first);
        ModelCache.giveBack(sha, first);
        ModelCache.giveBack(sha, second);
    }
}
