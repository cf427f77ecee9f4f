package automl4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path dir;
    ModelRegistry registry;

    @BeforeEach
    void open() {
        registry = ModelRegistry.open(dir.resolve("registry.db"));
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private Path model(String content) throws IOException {
        Path f = Files.createTempFile(dir, "model", ".automl");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void registersNumberedCopiesWithTheirChecksums() throws IOException {
        Path source = model("first model");
        ModelVersion v1 = registry.register("churn", source, null);
        ModelVersion v2 = registry.register("churn", model("second model"), null);

        assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
        assertThat(v1.stage()).isEqualTo(Stage.NONE);
        assertThat(v1.file()).startsWith(registry.artifactFolder()).isNotEqualTo(source);
        assertThat(v1.checksum()).isEqualTo(Sha256.of(source)).hasSize(64);
        assertThat(Files.readString(registry.checkedFile(v1))).isEqualTo("first model");
        assertThat(registry.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(registry.models()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("churn");
            assertThat(m.versions()).isEqualTo(2);
            assertThat(m.productionVersion()).isNull();
        });
    }

    @Test
    void versionNumbersAreNeverReused() throws IOException {
        registry.register("churn", model("a"), null);
        registry.register("churn", model("b"), null);
        ModelVersion v3 = registry.register("churn", model("c"), null);
        registry.delete("churn", 3);
        assertThat(v3.file()).doesNotExist();
        assertThat(registry.register("churn", model("d"), null).version()).isEqualTo(4);
        for (int v : List.of(1, 2, 4)) {
            registry.delete("churn", v);
        }
        assertThat(registry.versions("churn")).isEmpty();
        assertThat(registry.register("churn", model("e"), null).version()).isEqualTo(5);
        assertThat(registry.models().get(0).latestVersion()).isEqualTo(5);
    }

    @Test
    void promotingToProductionArchivesThePreviousOneInOneStep() throws IOException {
        registry.register("churn", model("a"), null);
        registry.register("churn", model("b"), null);
        long before = registry.lastChange();
        assertThat(registry.promote("churn", 1, Stage.STAGING).stage()).isEqualTo(Stage.STAGING);
        registry.promote("churn", 1, Stage.PRODUCTION);
        assertThat(registry.production("churn")).get().extracting(ModelVersion::version).isEqualTo(1);

        registry.promote("churn", 2, Stage.PRODUCTION);

        assertThat(registry.production("churn")).get().extracting(ModelVersion::version).isEqualTo(2);
        assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.lastChange()).isGreaterThan(before);
        List<String> history = registry.history("churn").stream().map(c -> c.version() + ":" + c.from() + "->" + c.to()).toList();
        assertThat(history).containsExactly("1:null->none", "2:null->none", "1:none->staging", "1:staging->production",
                "1:production->archived", "2:none->production");
    }

    @Test
    void promotingAVersionToItsOwnStageChangesNothing() throws IOException {
        registry.register("churn", model("a"), null);
        registry.promote("churn", 1, Stage.PRODUCTION);
        long last = registry.lastChange();
        registry.promote("churn", 1, Stage.PRODUCTION);
        assertThat(registry.lastChange()).isEqualTo(last);
    }

    @Test
    void rollbackPutsThePreviousProductionVersionBack() throws IOException {
        for (String s : List.of("a", "b", "c")) {
            registry.register("churn", model(s), null);
        }
        registry.promote("churn", 1, Stage.PRODUCTION);
        registry.promote("churn", 3, Stage.PRODUCTION);

        assertThat(registry.rollback("churn").version()).isEqualTo(1);
        assertThat(registry.version("churn", 3).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.NONE);
        // a second rollback returns to where the first started
        assertThat(registry.rollback("churn").version()).isEqualTo(3);
        assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    void rollbackNeedsAProductionVersionAndAnEarlierOne() throws IOException {
        registry.register("churn", model("a"), null);
        assertThatThrownBy(() -> registry.rollback("churn")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("model 'churn' has no production version");
        registry.promote("churn", 1, Stage.PRODUCTION);
        assertThatThrownBy(() -> registry.rollback("churn")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("no earlier production version").hasMessageContaining("version 1 is the only one");
    }

    @Test
    void rollbackSkipsAnEarlierProductionVersionThatWasDeleted() throws IOException {
        for (String s : List.of("a", "b", "c")) {
            registry.register("churn", model(s), null);
        }
        registry.promote("churn", 1, Stage.PRODUCTION);
        registry.promote("churn", 2, Stage.PRODUCTION);
        registry.promote("churn", 3, Stage.PRODUCTION);
        registry.delete("churn", 2);
        assertThat(registry.rollback("churn").version()).isEqualTo(1);
    }

    @Test
    void deleteRefusesTheProductionVersionUnlessForced() throws IOException {
        ModelVersion v1 = registry.register("churn", model("a"), null);
        registry.promote("churn", 1, Stage.PRODUCTION);
        assertThatThrownBy(() -> registry.delete("churn", 1)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("churn:1 is in production");
        assertThat(v1.file()).exists();

        registry.delete("churn", 1, true);

        assertThat(registry.production("churn")).isEmpty();
        assertThat(v1.file()).doesNotExist();
        assertThat(registry.history("churn")).last().satisfies(c -> {
            assertThat(c.to()).isEqualTo(StageChange.DELETED);
            assertThat(c.reason()).isEqualTo("deleted (forced)");
        });
    }

    @Test
    void unknownModelsVersionsRunsAndStagesAreNamed() throws IOException {
        registry.register("churn", model("a"), null);
        assertThatThrownBy(() -> registry.versions("fraud")).isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("unknown model 'fraud'").hasMessageContaining("models are [churn]");
        assertThatThrownBy(() -> registry.promote("churn", 7, Stage.STAGING)).isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("model 'churn' has no version 7; its versions are [1]");
        assertThatThrownBy(() -> registry.run(42)).isInstanceOf(RegistryNotFoundException.class).hasMessageContaining("unknown run 42");
        assertThatThrownBy(() -> registry.register("churn", model("b"), 42L)).isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("unknown run 42");
        assertThat(registry.versions("churn")).hasSize(1);   // the refused registration left nothing
        assertThatThrownBy(() -> Stage.parse("live")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown stage 'live'; stages are [none, staging, production, archived]");
        assertThatThrownBy(() -> registry.register("../etc", model("c"), null)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("model name '../etc' is not allowed");
        assertThatThrownBy(() -> registry.register("churn", dir.resolve("absent.automl"), null)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void anAlteredOrMissingArtifactIsRefused() throws IOException {
        ModelVersion v = registry.register("churn", model("the model"), null);
        Files.writeString(v.file(), "the modeL");
        assertThatThrownBy(() -> registry.checkedFile(v)).isInstanceOf(ArtifactMismatchException.class)
                .hasMessageContaining("churn:1").hasMessageContaining(v.checksum()).hasMessageContaining("altered");
        Files.delete(v.file());
        assertThatThrownBy(() -> registry.checkedFile(v)).isInstanceOf(ArtifactMismatchException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void aVersionTakesItsRunsScores() throws IOException {
        long run = registry.recordRun(RunRecord.builder().metric("auc", true).validationScore(0.91).testScore(0.89)
                .metrics(Map.of("test_logloss", 0.3)).build());
        ModelVersion v = registry.register("churn", model("a"), run);
        assertThat(v.runId()).isEqualTo(run);
        assertThat(v.metrics()).containsEntry("validation", 0.91).containsEntry("test", 0.89).containsEntry("test_logloss", 0.3);
    }

    @Test
    void runsAreRecordedAndSortedByAnyMetric() {
        long a = registry.recordRun(RunRecord.builder().task("binary").target("churned").metric("auc", true).validationScore(0.80)
                .testScore(0.79).metrics(Map.of("test_auc", 0.79, "test_logloss", 0.45)).config("metric: auc\n")
                .dataFingerprint("ab12").outputFolder("out-a").journalPath("out-a/journal.jsonl").modelChecksum("cd34").build());
        long b = registry.recordRun(RunRecord.builder().metric("auc", true).validationScore(0.90)
                .metrics(Map.of("test_auc", 0.88, "test_logloss", 0.30)).build());
        long c = registry.recordRun(RunRecord.builder().metric("logloss", false).validationScore(0.20)
                .metrics(Map.of("test_logloss", 0.25)).build());

        assertThat(registry.run(a).record()).satisfies(r -> {
            assertThat(r.target()).isEqualTo("churned");
            assertThat(r.config()).isEqualTo("metric: auc\n");
            assertThat(r.dataFingerprint()).isEqualTo("ab12");
            assertThat(r.journalPath()).isEqualTo("out-a/journal.jsonl");
            assertThat(r.higherIsBetter()).isTrue();
            assertThat(r.metrics()).containsEntry("test_logloss", 0.45);
        });
        assertThat(ids(registry.runs("test_logloss", SortOrder.ASCENDING, 0))).containsExactly(c, b, a);
        assertThat(ids(registry.runs("test_auc", SortOrder.DESCENDING, 0))).containsExactly(b, a, c);   // c has none: last
        assertThat(ids(registry.runs("validation", SortOrder.DESCENDING, 2))).containsExactly(b, a);
        // best first by each run's own direction: the larger auc first, the smaller logloss first (scores of
        // different metrics do not compare; the auc runs come before the loss runs)
        long d = registry.recordRun(RunRecord.builder().metric("logloss", false).validationScore(0.10).build());
        assertThat(ids(registry.runs("validation", SortOrder.BEST_FIRST, 0))).containsExactly(b, a, d, c);
        assertThat(ids(registry.runs("test", SortOrder.ASCENDING, 0))).containsExactly(a, b, c, d);
        assertThat(ids(registry.runs("id", SortOrder.DESCENDING, 0))).containsExactly(d, c, b, a);
        assertThat(registry.runMetricNames()).containsExactly("test_auc", "test_logloss");
        assertThatThrownBy(() -> registry.runs("rmse", SortOrder.ASCENDING, 0)).isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("no run has the metric 'rmse'").hasMessageContaining("[test_auc, test_logloss]");
        assertThatThrownBy(() -> registry.runs("test_auc", SortOrder.BEST_FIRST, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ids(registry.compare(c, a))).containsExactly(c, a);
        assertThatThrownBy(() -> registry.compare(a, 99)).isInstanceOf(RegistryNotFoundException.class).hasMessageContaining("99");
    }

    private static List<Long> ids(List<Run> runs) {
        return runs.stream().map(Run::id).toList();
    }

    @Test
    void aReopenedRegistryHoldsEverythingAndPassesTheIntegrityCheck() throws Exception {
        registry.register("churn", model("a"), null);
        registry.promote("churn", 1, Stage.PRODUCTION);
        registry.close();
        registry = ModelRegistry.open(dir.resolve("registry.db"));
        assertThat(registry.production("churn")).isPresent();
        assertThat(registry.integrityCheck()).containsExactly("ok");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry.db"));
             Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(Schema.latest());
            assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aNewerOrForeignDatabaseIsRefused() throws Exception {
        registry.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> ModelRegistry.open(dir.resolve("registry.db"))).isInstanceOf(RegistryException.class)
                .hasMessageContaining("schema version 99");
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "not a database, just some text that is long enough to have a header".repeat(20));
        assertThatThrownBy(() -> ModelRegistry.open(text)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("cannot be opened");
        registry = ModelRegistry.open(dir.resolve("other.db"));
    }

    @Test
    void threadsAndASecondInstanceNeverGetTheSameVersion() throws Exception {
        Path file = model("shared");
        List<Thread> threads = new ArrayList<>();
        List<Integer> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ModelRegistry second = ModelRegistry.open(dir.resolve("registry.db"))) {
            for (int t = 0; t < 4; t++) {
                ModelRegistry r = t % 2 == 0 ? registry : second;
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = 0; i < 5; i++) {
                            numbers.add(r.register("churn", file, null).version());
                            r.lastChange();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        assertThat(errors).isEmpty();
        assertThat(numbers).hasSize(20).doesNotHaveDuplicates();
        assertThat(registry.versions("churn")).extracting(ModelVersion::version).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }
}
