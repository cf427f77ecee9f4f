package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code automl run --register} twice on real data (two trials each), then every {@code models} and {@code runs}
 * command on the registry those runs wrote, in order: list, show, promote, rollback, delete, errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryCliTest {
    @TempDir
    static Path dir;
    CliHarness h;
    Path db;

    @BeforeAll
    void twoRegisteredRuns() throws Exception {
        h = new CliHarness(dir);
        h.file("train.csv", DefaultDataset.generate(200, 1).write().toString("csv"));
        h.file("test.csv", DefaultDataset.generate(100, 2).write().toString("csv"));
        db = dir.resolve("reg.db");
        String common = "data:\n  train: train.csv\n  test: test.csv\n  target: churned\nbudget:\n  max_trials: 2\n"
                + "cores: 1\nsearch:\n  learners: [smile-logistic]\n  portfolio: false\n  ensemble_rounds: 0\n";
        // the first through the config keys, the second through the options (which override them)
        CliHarness.Result first = h.run(common + "  seed: 1\noutput: out1\nregistry:\n  path: reg.db\n  model: churn\n");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Recorded run 1 and registered its model as churn version 1 (stage none)");
        h.file("run2.yaml", common + "  seed: 2\noutput: out2\nregistry:\n  path: elsewhere.db\n  model: other\n");
        CliHarness.Result second = h.cli("run", "--config", dir.resolve("run2.yaml").toString(), "--registry", db.toString(),
                "--register", "churn");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("Recorded run 2 and registered its model as churn version 2");
        assertThat(dir.resolve("elsewhere.db")).doesNotExist();
    }

    private CliHarness.Result cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--registry";
        all[args.length + 1] = db.toString();
        return h.cli(all);
    }

    @Test
    @Order(1)
    void theRunsAreRecordedWithEverythingTheIssueAsksFor() throws Exception {
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            var run = registry.run(1).record();
            assertThat(run.status()).isEqualTo("completed");
            assertThat(run.task()).isEqualTo("binary");
            assertThat(run.metric()).isEqualTo("auc");
            assertThat(run.validationScore()).isBetween(0.0, 1.0);
            assertThat(run.testScore()).isBetween(0.0, 1.0);
            assertThat(run.metrics()).containsKeys("validation_auc", "test_auc", "test_logloss", "test_accuracy");
            assertThat(run.config()).contains("max_trials: 2").contains("model: \"churn\"");
            assertThat(run.dataFingerprint()).hasSize(64);
            assertThat(run.journalPath()).endsWith("journal.jsonl");
            assertThat(Path.of(run.outputFolder())).isEqualTo(dir.resolve("out1").toAbsolutePath().normalize());
            assertThat(run.modelChecksum()).isEqualTo(ModelRegistry.checksum(dir.resolve("out1/model.automl")));
            ModelVersion v1 = registry.version("churn", 1);
            assertThat(v1.checksum()).isEqualTo(run.modelChecksum());
            assertThat(v1.metrics()).containsEntry("validation", run.validationScore()).containsEntry("test", run.testScore());
            assertThat(registry.run(2).record().dataFingerprint()).isEqualTo(run.dataFingerprint());
        }
    }

    @Test
    @Order(2)
    void modelsListAndShowPrintAlignedTables() {
        CliHarness.Result list = cli("models", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).startsWith("MODEL  VERSIONS  LATEST  PRODUCTION").containsPattern("churn +2 +2 +- ");
        CliHarness.Result show = cli("models", "show", "churn");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).containsPattern("(?m)^ +1  none +1 +0\\.\\d{5} +0\\.\\d{5}  ")
                .containsPattern("(?m)^ +2  none +2  ").contains("History:").containsPattern("registered");
    }

    @Test
    @Order(3)
    void promoteRollbackAndDeleteMoveTheStages() throws Exception {
        assertThat(cli("models", "promote", "churn", "1", "--stage", "production").out())
                .isEqualTo("Model churn version 1 is now in production.\n");
        assertThat(cli("models", "promote", "churn", "2", "--stage", "production").out())
                .isEqualTo("Model churn version 2 is now in production; version 1 archived.\n");
        assertThat(cli("models", "rollback", "churn").out())
                .isEqualTo("Model churn: version 1 is back in production; version 2 archived.\n");
        CliHarness.Result refused = cli("models", "delete", "churn", "1");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("churn:1 is in production");
        assertThat(cli("models", "delete", "churn", "2").out()).isEqualTo("Deleted model churn version 2.\n");
        JsonNode shown = new ObjectMapper().readTree(cli("models", "show", "churn", "--json").out());
        assertThat(shown.get("versions")).hasSize(1);
        assertThat(shown.get("versions").get(0).get("stage").asText()).isEqualTo("production");
        assertThat(shown.get("history").get(shown.get("history").size() - 1).get("to").asText()).isEqualTo("deleted");
    }

    @Test
    @Order(4)
    void runsListShowAndCompare() throws Exception {
        CliHarness.Result list = cli("runs", "list", "--sort", "test_logloss");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("RUN  STARTED").contains("TEST_LOGLOSS");
        assertThat(list.out().lines().toList()).hasSize(3);
        JsonNode runs = new ObjectMapper().readTree(cli("runs", "list", "--sort", "test_logloss", "--json").out());
        assertThat(runs.get(0).get("metrics").get("test_logloss").asDouble())
                .isLessThanOrEqualTo(runs.get(1).get("metrics").get("test_logloss").asDouble());
        assertThat(new ObjectMapper().readTree(cli("runs", "list", "--limit", "1", "--json").out()).get(0).get("id").asInt())
                .isEqualTo(2);   // newest first by default
        CliHarness.Result show = cli("runs", "show", "1");
        assertThat(show.out()).contains("Run 1 in ").containsPattern("versions +churn:1").contains("Effective config:")
                .containsPattern("test_auc +0\\.\\d{5}");
        CliHarness.Result compare = cli("runs", "compare", "1", "2");
        assertThat(compare.code()).as(compare.err()).isZero();
        assertThat(compare.out()).containsPattern("RUN 1 +RUN 2").containsPattern("same data +yes +yes")
                .containsPattern("config search\\.seed +1 +2").containsPattern("config output +\\S*out1 +\\S*out2");
    }

    @Test
    @Order(5)
    void unknownNamesAndBadOptionsAreExitTwoNamingThem() {
        CliHarness.Result r = cli("models", "show", "fraud");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown model 'fraud'").contains("models are [churn]");
        r = cli("models", "promote", "churn", "9", "--stage", "staging");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model 'churn' has no version 9");
        r = cli("models", "promote", "churn", "1", "--stage", "live");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--stage: unknown stage 'live'");
        r = cli("runs", "show", "7");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown run 7");
        r = cli("runs", "list", "--sort", "rsme");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no run has the metric 'rsme'");
        r = h.cli("models", "list", "--registry", dir.resolve("none.db").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no registry database there");
        assertThat(dir.resolve("none.db")).doesNotExist();
        r = h.cli("run", "--config", dir.resolve("run2.yaml").toString(), "--register", "bad/name");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--register: model name 'bad/name' is not allowed");
    }

    @Test
    @Order(6)
    void anAlteredArtifactIsRefusedWhenRead() throws Exception {
        try (ModelRegistry registry = ModelRegistry.open(db)) {
            ModelVersion v = registry.version("churn", 1);
            Files.write(v.file(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.checkedFile(v))
                    .isInstanceOf(automl4j.registry.ArtifactMismatchException.class);
        }
    }

    @Test
    @Order(7)
    void anExistingFileIsRegisteredWithoutARunAndAFileThatIsNoModelIsRefused() throws Exception {
        Path fresh = dir.resolve("fresh.db");
        CliHarness.Result r = h.cli("models", "register", "imported", dir.resolve("out2/model.automl").toString(),
                "--stage", "production", "--registry", fresh.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("as model imported version 1 (stage production");
        try (ModelRegistry registry = ModelRegistry.open(fresh)) {
            ModelVersion v = registry.production("imported").orElseThrow();
            assertThat(v.runId()).isNull();
            assertThat(v.checksum()).isEqualTo(ModelRegistry.checksum(dir.resolve("out2/model.automl")));
        }
        h.file("not-a-model.automl", "hello");
        CliHarness.Result bad = h.cli("models", "register", "imported", dir.resolve("not-a-model.automl").toString(),
                "--registry", fresh.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("not-a-model.automl");
        CliHarness.Result missing = h.cli("models", "register", "imported", dir.resolve("nowhere.automl").toString(),
                "--registry", fresh.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nowhere.automl").contains("no such file");
        try (ModelRegistry registry = ModelRegistry.open(fresh)) {
            assertThat(registry.versions("imported")).hasSize(1);
        }
    }
}
