package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help texts: whole summaries at the top level, every config key listed whole in {@code run --help} (issue 14). */
class HelpCliTest {
    @TempDir
    Path dir;

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void topLevelHelpShowsEachCommandsWholeFirstSentence() {
        CliHarness h = new CliHarness(dir);
        CliHarness.Result r = h.cli("--help");
        assertThat(r.code()).isZero();
        CommandLine cli = new CommandLine(new Main());
        int shown = 0;
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String summary = sub.getCommandSpec().usageMessage().description()[0];
            assertThat(summary).as(sub.getCommandName()).endsWith(".");
            assertThat(flat(r.out())).as(sub.getCommandName()).contains(sub.getCommandName() + " " + summary);
            shown++;
        }
        assertThat(shown).isGreaterThanOrEqualTo(8);
    }

    @Test
    void versionSaysWhichLicenceAppliesToTheTool() {
        CliHarness.Result r = new CliHarness(dir).cli("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("automl4j ");
        assertThat(flat(r.out())).contains("Licence of this tool: GPL-3.0-or-later, because automl.jar bundles Smile")
                .contains("AutoML4J's own code is Apache-2.0");
    }

    @Test
    void runHelpListsEveryConfigKeyUnbroken() {
        CliHarness h = new CliHarness(dir);
        CliHarness.Result r = h.cli("run", "--help");
        assertThat(r.code()).isZero();
        assertThat(ConfigFile.KEYS).containsKeys("isolation", "gpus", "data.separator", "data.missing_values");
        for (String key : ConfigFile.KEYS.keySet()) {
            assertThat(r.out()).as(key).containsPattern("(?m)(^|\\s)" + Pattern.quote(key) + "(\\s|$)");
        }
        for (String line : r.out().lines().toList()) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            assertThat(line).as("a key split across lines").doesNotMatch(".*\\b(data|budget|search|featurize)\\.$");
        }
    }
}
