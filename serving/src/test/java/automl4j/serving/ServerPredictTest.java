package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimum contract and the prediction routes, against a real server on an ephemeral loopback port. */
class ServerPredictTest {
    @TempDir
    static Path dir;
    static ScoringModel model;
    static ScoringServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path file = TestModels.binary(dir, "churn.automl", 0, 300);
        model = ScoringModel.load(file);
        FileModelSource source = new FileModelSource(file, Duration.ofSeconds(1));
        LiveModel live = new LiveModel(FileModelSource.defaultName(file));
        live.swap(source.load(), Duration.ZERO);
        server = ScoringServer.start(live, ServerOptions.builder().port(0).build());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void answersAnArrayOfRowsInOrderWithTheScoringModelsPredictions() {
        List<Map<String, Object>> rows = TestModels.rows(300, 400);
        HttpResponse<String> r = http.predict(rows);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode predictions = Http.json(r).path("predictions");
        assertThat(predictions).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Prediction expected = model.predict(rows.get(i));
            JsonNode p = predictions.get(i);
            assertThat(p.path("label").asText()).as("row %d", i).isEqualTo(expected.label());
            assertThat(p.path("probabilities").path("no").asDouble()).isEqualTo(expected.probability("no"));
            assertThat(p.path("probabilities").path("yes").asDouble()).isEqualTo(expected.probability("yes"));
        }
        assertThat(Http.json(r).path("model").asText()).isEqualTo("churn");
        assertThat(Http.json(r).path("version").asText()).startsWith("sha256:");
    }

    @Test
    void healthAndReadyAnswer200OnceTheModelIsLoaded() {
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.json(health).path("status").asText()).isEqualTo("ok");
        assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void csvBodiesAreReadAsTextCellsLikeAutomlPredict() {
        List<Map<String, Object>> rows = TestModels.rows(300, 320);
        StringBuilder csv = new StringBuilder(String.join(",", rows.get(0).keySet())).append("\r\n");
        for (Map<String, Object> row : rows) {
            csv.append(String.join(",", row.values().stream().map(v -> v == null ? "" : csvCell(v)).toList())).append("\r\n");
        }
        HttpResponse<String> r = http.post("/predict", "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode predictions = Http.json(r).path("predictions");
        assertThat(predictions).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> asText = new java.util.HashMap<>();
            rows.get(i).forEach((k, v) -> asText.put(k, v == null ? "" : csvCellValue(v)));
            assertThat(predictions.get(i).path("probabilities").path("yes").asDouble())
                    .isEqualTo(model.predict(asText).probability("yes"));
        }
    }

    @Test
    void theNamedRouteServesTheModelsNameAndNoOther() {
        List<Map<String, Object>> rows = TestModels.rows(300, 302);
        assertThat(http.postJson("/models/churn/predict", rows).statusCode()).isEqualTo(200);
        HttpResponse<String> other = http.postJson("/models/fraud/predict", rows);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(Http.errorKind(other)).isEqualTo("unknown_model");
        assertThat(Http.errorMessage(other)).contains("'fraud'", "'churn'");
    }

    @Test
    void anEmptyArrayAnswersNoPredictions() {
        HttpResponse<String> r = http.post("/predict", "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r).path("predictions")).isEmpty();
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJson() {
        HttpResponse<String> r = http.post("/predict", null, "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void jsonCellsMayBeLongsBooleansAndNulls() {
        Map<String, Object> row = new java.util.HashMap<>(TestModels.rows(300, 301).get(0));
        row.put("age", 41L);
        row.put("support_calls", null);
        HttpResponse<String> r = http.predict(List.of(row));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.json(r).path("predictions").get(0).path("probabilities").path("yes").asDouble())
                .isEqualTo(model.predict(row).probability("yes"));
    }

    private static String csvCellValue(Object v) {
        return v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? Double.toString(d) : v.toString();
    }

    private static String csvCell(Object v) {
        String s = csvCellValue(v);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
