package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad request gets its 4xx as a JSON error, and the server answers the next good request as before. */
class BadRequestTest {
    @TempDir
    static Path dir;
    static ScoringServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path file = TestModels.binary(dir, "churn.automl", 0, 300);
        LiveModel live = new LiveModel("churn");
        live.swap(new FileModelSource(file, Duration.ofSeconds(1)).load(), Duration.ZERO);
        server = ScoringServer.start(live, ServerOptions.builder().port(0).maxRows(1_000).maxBodyBytes(4 << 20).build());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void stillServes() {
        HttpResponse<String> r = http.predict(TestModels.rows(300, 303));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static HttpResponse<String> postJson(String body) {
        return http.post("/predict", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonIs400NamingWhere() {
        HttpResponse<String> r = postJson("[{\"age\": 41,}]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorKind(r)).isEqualTo("malformed_json");
        assertThat(Http.errorMessage(r)).contains("line 1, column");
    }

    @Test
    void anObjectAtTheTopIs400() {
        HttpResponse<String> r = postJson("{\"age\": 41}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorKind(r)).isEqualTo("wrong_type");
        assertThat(Http.errorMessage(r)).contains("JSON array of row objects", "an object");
    }

    @Test
    void aRowThatIsNotAnObjectIs400NamingTheRow() {
        HttpResponse<String> r = postJson("[{\"age\": 41}, [1, 2]]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorMessage(r)).startsWith("row 1: ");
    }

    @Test
    void aNestedCellIs400NamingRowAndColumn() {
        HttpResponse<String> r = postJson("[{\"age\": {\"years\": 41}}]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorMessage(r)).contains("row 0", "column 'age'", "an object");
    }

    @Test
    void aMissingColumnIs400NamingRowAndColumn() {
        List<Map<String, Object>> rows = new ArrayList<>(TestModels.rows(300, 303));
        Map<String, Object> third = new HashMap<>(rows.get(2));
        third.remove("plan");
        rows.set(2, third);
        HttpResponse<String> r = http.predict(rows);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorKind(r)).isEqualTo("validation");
        assertThat(Http.errorMessage(r)).startsWith("row 2: ").contains("plan");
    }

    @Test
    void textInANumericColumnIs400NamingRowAndColumn() {
        List<Map<String, Object>> rows = new ArrayList<>(TestModels.rows(300, 302));
        Map<String, Object> second = new HashMap<>(rows.get(1));
        second.put("tenure_months", List.of(1));
        rows.set(1, second);
        HttpResponse<String> r = http.predict(rows);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorMessage(r)).contains("row 1", "tenure_months");
    }

    @Test
    void extraColumnsAreIgnored() {
        Map<String, Object> row = new HashMap<>(TestModels.rows(300, 301).get(0));
        row.put("unheard_of", "x");
        assertThat(http.predict(List.of(row)).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidUtf8Is400NamingTheOffset() {
        byte[] body = "[{\"plan\": \"b?sic\"}]".getBytes(StandardCharsets.US_ASCII);
        body[12] = (byte) 0xC3;   // a two-byte lead followed by 's', not a continuation byte
        HttpResponse<String> r = http.post("/predict", "application/json", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorKind(r)).isEqualTo("invalid_utf8");
        assertThat(Http.errorMessage(r)).contains("byte offset 12");
    }

    @Test
    void anotherContentTypeIs415() {
        HttpResponse<String> r = http.post("/predict", "application/x-www-form-urlencoded", "a=1".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(Http.errorKind(r)).isEqualTo("unsupported_media_type");
        HttpResponse<String> latin1 = http.post("/predict", "application/json; charset=iso-8859-1", "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(latin1.statusCode()).isEqualTo(415);
    }

    @Test
    void aBodyOverTheLimitIs413() throws java.io.IOException {
        // Headers declaring the oversized body, and none of it: the answer must come from the declared length alone.
        // (Sending the 4 MiB too would race the answer against the server closing the connection it will not read.)
        try (RawClient raw = new RawClient(server.port())) {
            raw.startPost("/predict", (4 << 20) + 1, "");
            String answer = raw.readUntilClosed();
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"kind\":\"body_too_large\"").contains("4194304 bytes");
        }
    }

    @Test
    void tenThousandRowsOverALimitOfAThousandIs413WithAMessage() {
        HttpResponse<String> r = http.predict(TestModels.rows(0, 10).stream().flatMap(row -> java.util.Collections.nCopies(1_000, row).stream()).toList());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Http.errorKind(r)).isEqualTo("too_many_rows");
        assertThat(Http.errorMessage(r)).contains("more than 1000 rows", "--max-rows");
    }

    @Test
    void csvOfTheWrongWidthIs400NamingTheRow() {
        HttpResponse<String> r = http.post("/predict", "text/csv", "age,plan\n41,basic\n42\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.errorMessage(r)).isEqualTo("row 1 has 1 cells, but the header has 2 columns");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        HttpResponse<String> missing = http.get("/nothing/here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.errorKind(missing)).isEqualTo("not_found");
        HttpResponse<String> wrong = http.get("/predict");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(Http.errorKind(wrong)).isEqualTo("method_not_allowed");
    }

    @Test
    void aBadRequestLineGetsAJsonErrorFromJetty() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            String answer = raw.send("GARBAGE\r\n\r\n").readUntilClosed();
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\"");
        }
    }
}
