package automl4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.scoring.ScoringModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swaps under load: threads keep predicting while the model is swapped back and forth; no request fails and every
 * answer is exactly one version's predictions. Also the file source's watch, and the holder's drain.
 */
class HotSwapTest {
    @TempDir
    static Path dir;
    static Path fileA;
    static Path fileB;
    static ScoringModel modelA;
    static ScoringModel modelB;

    @BeforeAll
    static void models() {
        fileA = TestModels.binary(dir, "a.automl", 0, 300);
        fileB = TestModels.binary(dir, "b.automl", 100, 400);
        modelA = ScoringModel.load(fileA);
        modelB = ScoringModel.load(fileB);
    }

    @Test
    void swapsUnderConcurrentRequestsFailNoneAndMixNoVersions() throws Exception {
        List<Map<String, Object>> rows = TestModels.rows(300, 340);
        Map<String, ScoringModel> versions = Map.of("a", modelA, "b", modelB);
        assertThat(rows.stream().anyMatch(r -> modelA.predict(r).probability("yes") != modelB.predict(r).probability("yes")))
                .as("the two models predict differently").isTrue();
        LiveModel live = new LiveModel("churn");
        live.swap(new ServedModel(modelA, "a"), Duration.ZERO);
        try (ScoringServer server = ScoringServer.start(live, ServerOptions.builder().port(0).build())) {
            Http http = new Http(server.uri());
            AtomicBoolean swapping = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            CountDownLatch started = new CountDownLatch(4);
            for (int t = 0; t < 4; t++) {
                int offset = t;
                clients.submit(() -> {
                    started.countDown();
                    for (int i = offset; swapping.get() || i < offset + 8; i += 4) {
                        List<Map<String, Object>> batch = List.of(rows.get(i % rows.size()), rows.get((i + 1) % rows.size()));
                        HttpResponse<String> r = http.predict(batch);
                        String problem = check(r, batch, versions);
                        if (problem != null) {
                            failures.add(problem);
                        } else {
                            seen.add(Http.json(r).path("version").asText());
                        }
                        answered.incrementAndGet();
                    }
                });
            }
            started.await();
            for (int swap = 1; swap <= 6; swap++) {
                int before = answered.get();
                while (answered.get() < before + 20) {
                    Thread.onSpinWait();
                }
                boolean drained = server.swap(swap % 2 == 1 ? new ServedModel(modelB, "b") : new ServedModel(modelA, "a"));
                assertThat(drained).as("swap %d drained the old version", swap).isTrue();
            }
            swapping.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder("a", "b");
            assertThat(http.get("/metrics").body()).contains("automl_serving_model_swaps_total 6.0");
        }
    }

    private static String check(HttpResponse<String> r, List<Map<String, Object>> batch, Map<String, ScoringModel> versions) {
        if (r.statusCode() != 200) {
            return r.statusCode() + " " + r.body();
        }
        JsonNode body = Http.json(r);
        ScoringModel model = versions.get(body.path("version").asText());
        if (model == null) {
            return "unknown version " + body.path("version");
        }
        for (int i = 0; i < batch.size(); i++) {
            double yes = body.path("predictions").get(i).path("probabilities").path("yes").asDouble();
            if (yes != model.predict(batch.get(i)).probability("yes")) {
                return "row " + i + " of a " + body.path("version") + " answer is not " + body.path("version") + "'s prediction";
            }
        }
        return null;
    }

    @Test
    void theFileSourceReloadsAReplacedFileAndReportsADamagedOne() throws Exception {
        Path served = dir.resolve("served.automl");
        Files.copy(fileA, served, StandardCopyOption.REPLACE_EXISTING);
        try (FileModelSource source = new FileModelSource(served, Duration.ofMillis(20))) {
            ServedModel first = source.load();
            List<ServedModel> loaded = new CopyOnWriteArrayList<>();
            List<RuntimeException> failed = new CopyOnWriteArrayList<>();
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
            Path damaged = dir.resolve("damaged.tmp");
            Files.write(damaged, new byte[] {'P', 'K', 3, 4, 0});
            Files.move(damaged, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            awaitNonEmpty(failed);
            assertThat(failed.get(0).getMessage()).contains("served.automl");
            Path next = dir.resolve("next.tmp");
            Files.copy(fileB, next);
            Files.move(next, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            awaitNonEmpty(loaded);
            assertThat(loaded.get(0).version()).isNotEqualTo(first.version()).startsWith("sha256:");
            assertThat(loaded.get(0).model().predict(TestModels.rows(300, 301).get(0)))
                    .isEqualTo(modelB.predict(TestModels.rows(300, 301).get(0)));
        }
    }

    @Test
    void aSwapWaitsForTheOldVersionsRequestsBoundedByItsDrainWait() throws Exception {
        LiveModel live = new LiveModel("churn");
        live.swap(new ServedModel(modelA, "a"), Duration.ZERO);
        LiveModel.Lease held = live.acquire();
        assertThat(live.swap(new ServedModel(modelB, "b"), Duration.ofMillis(50))).as("still held").isFalse();
        assertThat(held.served().version()).isEqualTo("a");
        ExecutorService releaser = Executors.newSingleThreadExecutor();
        LiveModel.Lease onB = live.acquire();
        assertThat(onB.served().version()).as("new requests take the new version").isEqualTo("b");
        CountDownLatch swapping = new CountDownLatch(1);
        var release = releaser.submit(() -> {
            swapping.await();
            onB.close();
            return null;
        });
        swapping.countDown();
        assertThat(live.swap(new ServedModel(modelA, "a2"), Duration.ofSeconds(10))).as("drained once released").isTrue();
        release.get(10, TimeUnit.SECONDS);
        releaser.shutdown();
        held.close();
    }

    private static void awaitNonEmpty(List<?> list) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (list.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).as("the watcher noticed the change").isNotEmpty();
    }
}
