package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.scoring.ScoringModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /schema}, {@code /metadata}, {@code /metrics} and {@code /openapi.yaml}, and the description covers every route. */
class DocumentsTest {
    @TempDir
    static Path dir;
    static ScoringModel model;
    static ScoringServer server;
    static Http http;
    static String version;

    @BeforeAll
    static void start() throws Exception {
        Path file = TestModels.binary(dir, "churn.automl", 0, 300);
        model = ScoringModel.load(file);
        LiveModel live = new LiveModel("churn");
        ServedModel served = new FileModelSource(file, Duration.ofSeconds(1)).load();
        version = served.version();
        live.swap(served, Duration.ZERO);
        server = ScoringServer.start(live, ServerOptions.builder().port(0).build());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void schemaListsTheModelsColumnsAndTheServedVersion() {
        JsonNode schema = Http.json(http.get("/schema"));
        assertThat(schema.path("version").asText()).isEqualTo(version);
        List<String> used = new ArrayList<>();
        schema.path("usedColumns").forEach(n -> used.add(n.asText()));
        assertThat(used).isEqualTo(model.schema().usedColumns());
        JsonNode plan = null;
        for (JsonNode c : schema.path("columns")) {
            if (c.path("name").asText().equals("plan")) {
                plan = c;
            }
        }
        assertThat(plan).isNotNull();
        assertThat(plan.path("kind").asText()).isEqualTo(model.schema().column("plan").orElseThrow().kind());
    }

    @Test
    void metadataIsTheModelsMetadata() {
        JsonNode m = Http.json(http.get("/metadata"));
        assertThat(m.path("model").asText()).isEqualTo("churn");
        assertThat(m.path("version").asText()).isEqualTo(version);
        assertThat(m.path("task").asText()).isEqualTo(model.metadata().task());
        assertThat(m.path("target").asText()).isEqualTo("churned");
        assertThat(m.path("classes").get(1).asText()).isEqualTo("yes");
        assertThat(m.path("members").get(0).path("learner").asText()).isEqualTo("xgboost");
        assertThat(m.path("formatVersion").asInt()).isEqualTo(model.metadata().formatVersion());
    }

    @Test
    void metricsCountRequestsRowsErrorsAndShowTheVersion() {
        http.predict(TestModels.rows(300, 305));
        http.get("/nowhere");
        HttpResponse<String> r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body())
                .contains("automl_serving_requests_total{endpoint=\"/predict\",status=\"200\"}")
                .contains("automl_serving_request_duration_seconds_bucket{endpoint=\"/predict\",le=\"0.005\"}")
                .contains("automl_serving_rows_scored_total")
                .contains("automl_serving_errors_total{kind=\"not_found\"}")
                .contains("automl_serving_requests_total{endpoint=\"other\",status=\"404\"}")
                .contains("automl_serving_model_info{model=\"churn\",version=\"" + version + "\"} 1");
    }

    @Test
    void servesTheOpenapiFileKeptInTheRepository() throws Exception {
        HttpResponse<String> r = http.get("/openapi.yaml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readString(Path.of("src/main/resources/openapi.yaml")));
    }

    @Test
    void theOpenapiDescriptionHasEveryRouteTheServerAnswersAndNoOther() throws Exception {
        JsonNode paths;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/openapi.yaml"))) {
            paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
        }
        List<String> described = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(
                m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        List<String> answered = Route.ALL.stream().map(r -> r.method() + " " + r.template()).toList();
        assertThat(described).containsExactlyInAnyOrderElementsOf(answered);
        for (Route route : Route.ALL) {
            String path = route.template().replace("{name}", "churn");
            HttpResponse<String> r = route.method().equals("GET") ? http.get(path)
                    : http.predict(TestModels.rows(300, 301));
            assertThat(r.statusCode()).as(route.toString()).isEqualTo(200);
        }
    }
}
