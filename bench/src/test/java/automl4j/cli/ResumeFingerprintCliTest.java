package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming refuses when any featurize.* key changed, naming the key. */
class ResumeFingerprintCliTest {
    /** A valid value other than the default for every featurize.* key of the config file. */
    private static final Map<String, String> CHANGED = new LinkedHashMap<>();

    static {
        CHANGED.putAll(ChangedFeaturizeKeys.VALUES);
    }

    @TempDir
    Path dir;

    @Test
    void theListOfChangedKeysCoversEveryFeaturizeKeyOfTheConfigReader() {
        assertThat(CHANGED.keySet()).containsExactlyInAnyOrderElementsOf(
                ConfigFile.KEYS.keySet().stream().filter(k -> k.startsWith("featurize.")).collect(Collectors.toList()));
    }

    @Test
    void changingAnyFeaturizeKeyMakesResumeRefuseNamingIt() throws Exception {
        CliHarness cli = new CliHarness(dir);
        KilledRuns.writeData(cli);
        Path out = KilledRuns.make(cli, "out");
        Path effective = out.resolve(RunExecution.EFFECTIVE_CONFIG_FILE);
        String original = Files.readString(effective);
        String journal = Files.readString(out.resolve(RunExecution.JOURNAL_FILE));
        for (Map.Entry<String, String> e : CHANGED.entrySet()) {
            ObjectNode root = (ObjectNode) ConfigFile.yaml().readTree(original);
            JsonNode value = ConfigFile.yaml().readTree(e.getValue());
            ((ObjectNode) root.get("featurize")).set(e.getKey().substring("featurize.".length()), value);
            Files.writeString(effective, ConfigFile.yaml().writeValueAsString(root));
            CliHarness.Result r = cli.cli("run", "--resume", out.toString());
            assertThat(r.code()).as("%s: %s", e.getKey(), r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(e.getKey()).contains("its settings changed: " + e.getKey() + " (journal: ");
            assertThat(Files.readString(out.resolve(RunExecution.JOURNAL_FILE))).as(e.getKey()).isEqualTo(journal);
        }
        Files.writeString(effective, original);
        CliHarness.Result r = cli.cli("run", "--resume", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resuming after");
    }
}
