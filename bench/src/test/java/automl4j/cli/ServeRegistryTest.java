package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import automl4j.registry.ArtifactMismatchException;
import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelVersion;
import automl4j.registry.Stage;
import automl4j.scoring.ScoringModel;
import automl4j.serving.LiveModel;
import automl4j.serving.ModelSource;
import automl4j.serving.ScoringServer;
import automl4j.serving.ServedModel;
import automl4j.serving.ServerOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code automl serve --registry DB --model NAME}: a real SQLite registry with two versions that predict differently,
 * a real server and HTTP client. Threads keep predicting while {@code automl models promote} and {@code rollback} run
 * through the tool's {@link Main}; no request fails, every answer is one version's predictions, and the server follows
 * each change within a few poll intervals. Also the served version in {@code /metadata}, a child JVM serving from the
 * registry, a model without a production version, and a version whose file was altered.
 */
class ServeRegistryTest {
    private static final Path V1 = Path.of("src/test/resources/golden/export-v2/xgboost.automl");
    private static final Path V2 = Path.of("src/test/resources/golden/export-v2/smile-logistic.automl");
    private static final Duration POLL = Duration.ofMillis(25);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static List<Map<String, Object>> rows;
    private static Map<String, ScoringModel> byVersion;

    @TempDir
    Path dir;
    Path db;
    CliHarness h;

    @BeforeAll
    static void versions() {
        rows = rows(DefaultDataset.generate(40, 11));
        byVersion = Map.of("churn@1", ScoringModel.load(V1), "churn@2", ScoringModel.load(V2));
        assertThat(rows.stream().filter(r -> byVersion.get("churn@1").predict(r).probability("yes")
                != byVersion.get("churn@2").predict(r).probability("yes")).count())
                .as("the two versions predict differently").isGreaterThan(rows.size() / 2);
    }

    /** A registry with churn versions 1 (XGBoost) and 2 (logistic regression), version 1 in production. */
    @BeforeEach
    void registry() {
        h = new CliHarness(dir);
        db = dir.resolve("reg.db");
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            registry.register("churn", V1, null);
            registry.register("churn", V2, null);
            registry.promote("churn", 1, Stage.PRODUCTION);
        }
    }

    @Test
    void promotionAndRollbackUnderLoadFailNoRequestAndAreFollowedWithinAFewPolls() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        RegistryModelSource source = new RegistryModelSource(ModelRegistry.open(db), "churn", POLL, log::add);
        LiveModel live = new LiveModel("churn");
        live.swap(source.load(), Duration.ZERO);
        try (source; ScoringServer server = ScoringServer.start(live, ServerOptions.builder().port(0).build())) {
            server.follow(source, log::add);
            URI uri = server.uri();
            assertThat(metadataVersion(uri)).isEqualTo("churn@1");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int offset = t;
                clients.submit(() -> {
                    for (int i = offset; running.get(); i += 4) {
                        List<Map<String, Object>> batch = List.of(rows.get(i % rows.size()), rows.get((i + 1) % rows.size()));
                        String problem;
                        try {
                            HttpResponse<String> r = post(uri.resolve("/predict"), JSON.writeValueAsString(batch));
                            problem = check(r, batch, seen);
                        } catch (Exception e) {
                            problem = e.toString();
                        }
                        if (problem != null) {
                            failures.add(problem);
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                });
            }
            awaitMoreAnswers(answered, 50);
            long promoteMs = change(uri, "churn@2", "models", "promote", "churn", "2", "--stage", "production");
            awaitMoreAnswers(answered, 50);
            long rollbackMs = change(uri, "churn@1", "models", "rollback", "churn");
            awaitMoreAnswers(answered, 50);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(failures).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder("churn@1", "churn@2");
            // 20 intervals: generous for a busy 2-core machine; it is usually one or two.
            assertThat(promoteMs).as("promotion followed after (ms)").isLessThan(20 * POLL.toMillis());
            assertThat(rollbackMs).as("rollback followed after (ms)").isLessThan(20 * POLL.toMillis());
            assertThat(log).containsExactly("swapped model 'churn' churn@1 -> churn@2", "swapped model 'churn' churn@2 -> churn@1");
            assertThat(get(uri.resolve("/metrics")).body()).contains("automl_serving_model_swaps_total 2.0");
        }
    }

    /** Runs {@code automl args... --registry DB}, then the time until {@code /metadata} shows {@code expected}. */
    private long change(URI uri, String expected, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--registry", db.toString()));
        CliHarness.Result r = h.cli(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        long start = System.nanoTime();
        await(() -> expected.equals(metadataVersion(uri)), "/metadata shows " + expected);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void theToolServesTheProductionVersionAndKeepsItWhenProductionIsRemoved() throws Exception {
        Path err = dir.resolve("serve.err");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--registry", db.toString(), "--model", "churn", "--poll-ms", "25", "--port", "0")
                .redirectError(err.toFile()).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String ready = said.readLine();
            Matcher m = Pattern.compile("serving model 'churn' version churn@1 from registry .*reg\\.db at (http://127\\.0\\.0\\.1:\\d+/)")
                    .matcher(String.valueOf(ready));
            assertThat(m.matches()).as(ready + " / " + Files.readString(err)).isTrue();
            URI uri = URI.create(m.group(1));
            JsonNode metadata = JSON.readTree(get(uri.resolve("/metadata")).body());
            assertThat(metadata.path("model").asText()).isEqualTo("churn");
            assertThat(metadata.path("version").asText()).isEqualTo("churn@1");

            assertThat(h.cli("models", "promote", "churn", "2", "--stage", "production", "--registry", db.toString()).code()).isZero();
            await(() -> "churn@2".equals(metadataVersion(uri)), "the child serves churn@2");
            List<Map<String, Object>> one = rows.subList(0, 1);
            HttpResponse<String> p = post(uri.resolve("/predict"), JSON.writeValueAsString(one));
            assertThat(check(p, one, ConcurrentHashMap.newKeySet())).isNull();

            CliHarness.Result delete = h.cli("models", "delete", "churn", "2", "--force", "--registry", db.toString());
            assertThat(delete.code()).as(delete.err()).isZero();
            await(() -> Files.readString(err).contains("no production version"), "the child reports the removal");
            assertThat(Files.readString(err)).contains("model 'churn' has no production version in ", " any more; still serving churn@2");
            HttpResponse<String> after = post(uri.resolve("/predict"), JSON.writeValueAsString(one));
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(after.body()).path("version").asText()).isEqualTo("churn@2");
            assertThat(get(uri.resolve("/health")).statusCode()).isEqualTo(200);

            assertThat(h.cli("models", "promote", "churn", "1", "--stage", "production", "--registry", db.toString()).code()).isZero();
            await(() -> "churn@1".equals(metadataVersion(uri)), "the child serves churn@1 again");
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void noProductionVersionAtStartIsARegistryErrorBeforeBinding() {
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            registry.promote("churn", 1, Stage.ARCHIVED);
        }
        CliHarness.Result r = h.cli("serve", "--registry", db.toString(), "--model", "churn", "--port", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("model 'churn' has no production version in ", "automl models promote churn VERSION --stage production");
        CliHarness.Result unknown = h.cli("serve", "--registry", db.toString(), "--model", "nosuch", "--port", "0");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("nosuch");
    }

    @Test
    void badRegistryOptionsAreUsageErrors() {
        String reg = db.toString();
        assertUsage(h.cli("serve", "--registry", dir.resolve("none.db").toString(), "--model", "churn"), "no registry database there");
        assertUsage(h.cli("serve", "--registry", reg, "--model", "churn", "--watch"), "--watch is for a model file");
        assertUsage(h.cli("serve", "--registry", reg, "--model", "churn", "--poll-ms", "5"), "--poll-ms must be >= 10, but was 5");
        assertUsage(h.cli("serve", "--model", V1.toString(), "--poll-ms", "100"), "--poll-ms goes with --registry");
        assertUsage(h.cli("serve", "--registry", reg, "--model", "churn", "--name", "bad name"), "--name: model name must be");
    }

    private static void assertUsage(CliHarness.Result r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
    }

    @Test
    void aPromotedVersionWhoseFileWasAlteredIsReportedAndTheServedOneKeepsServing() throws Exception {
        List<ServedModel> loaded = new CopyOnWriteArrayList<>();
        List<RuntimeException> failed = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        try (RegistryModelSource source = new RegistryModelSource(ModelRegistry.open(db), "churn", POLL, log::add)) {
            assertThat(source.load().version()).isEqualTo("churn@1");
            source.watch(new ModelSource.Listener() {
                @Override
                public void newVersion(ServedModel next) {
                    loaded.add(next);
                }

                @Override
                public void failed(RuntimeException error) {
                    failed.add(error);
                }
            });
            ModelVersion v2;
            try (ModelRegistry registry = ModelRegistry.open(db)) {
                v2 = registry.version("churn", 2);
                registry.register("other", V2, null);   // another model's change: polled, nothing to load
                Files.write(v2.file(), new byte[] {'P', 'K', 3, 4});
                registry.promote("churn", 2, Stage.PRODUCTION);
            }
            await(() -> !failed.isEmpty(), "the altered file is reported");
            assertThat(failed.get(0)).isInstanceOf(ArtifactMismatchException.class).hasMessageContaining("churn");
            Files.copy(V2, dir.resolve("v3.automl"));
            try (ModelRegistry registry = ModelRegistry.open(db)) {
                registry.register("churn", dir.resolve("v3.automl"), null);
                registry.promote("churn", 3, Stage.PRODUCTION);
            }
            await(() -> !loaded.isEmpty(), "the next promotion is loaded");
            assertThat(loaded).extracting(ServedModel::version).containsExactly("churn@3");
            assertThat(failed).hasSize(1);
            assertThat(log).isEmpty();
        }
    }

    private static String check(HttpResponse<String> r, List<Map<String, Object>> batch, Set<String> seen) throws Exception {
        if (r.statusCode() != 200) {
            return r.statusCode() + " " + r.body();
        }
        JsonNode body = JSON.readTree(r.body());
        String version = body.path("version").asText();
        ScoringModel model = byVersion.get(version);
        if (model == null) {
            return "unknown version " + version;
        }
        seen.add(version);
        for (int i = 0; i < batch.size(); i++) {
            double yes = body.path("predictions").get(i).path("probabilities").path("yes").asDouble();
            if (yes != model.predict(batch.get(i)).probability("yes")) {
                return "row " + i + " of a " + version + " answer is not " + version + "'s prediction";
            }
        }
        return null;
    }

    private static String metadataVersion(URI uri) throws Exception {
        return JSON.readTree(get(uri.resolve("/metadata")).body()).path("version").asText();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitMoreAnswers(AtomicInteger answered, int more) throws Exception {
        int target = answered.get() + more;
        await(() -> answered.get() >= target, more + " more answers");
    }

    /** A condition that may throw, polled. */
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    /** The table's rows as a client sends them, the target left out: numbers as Double, text as String, missing as null. */
    private static List<Map<String, Object>> rows(Table table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column<?> c : table.columns()) {
                if (!c.name().equals(DefaultDataset.TARGET)) {
                    row.put(c.name(), c.isMissing(r) ? null : c.get(r));
                }
            }
            out.add(row);
        }
        return out;
    }
}
