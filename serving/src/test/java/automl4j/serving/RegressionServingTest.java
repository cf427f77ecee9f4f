package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.scoring.ScoringModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A regression model answers {@code {"value": ...}} per row, equal to {@code ScoringModel.predict}. */
class RegressionServingTest {
    @TempDir
    Path dir;

    @Test
    void regressionAnswersValues() throws Exception {
        Path file = TestModels.regression(dir, "age.automl");
        ScoringModel model = ScoringModel.load(file);
        LiveModel live = new LiveModel("age");
        live.swap(new FileModelSource(file, Duration.ofSeconds(1)).load(), Duration.ZERO);
        try (ScoringServer server = ScoringServer.start(live, ServerOptions.builder().port(0).build())) {
            List<Map<String, Object>> rows = TestModels.rows(300, 310);
            HttpResponse<String> r = new Http(server.uri()).predict(rows);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode predictions = Http.json(r).path("predictions");
            for (int i = 0; i < rows.size(); i++) {
                assertThat(predictions.get(i).has("label")).isFalse();
                assertThat(predictions.get(i).path("value").asDouble()).isEqualTo(model.predict(rows.get(i)).value());
            }
        }
    }
}
