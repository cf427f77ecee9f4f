package automl4j;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.journal.Journal;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.settings.RunSettings;
import automl4j.settings.Setting;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's settings fingerprint is keyed by the config-file keys; journals with the keys of before still resume. */
class SettingsFingerprintTest {
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(300, 4), DefaultDataset.TARGET);

    @TempDir
    Path dir;

    private static AutoMl.Builder base() {
        List<Learner> learners = Learners.discovered().stream().filter(l -> l.id().equals("smile-logistic")).toList();
        return AutoMl.builder().seed(3).maxTrials(4).learners(learners).ensembleRounds(0).cores(1).isolation(Isolation.IN_PROCESS);
    }

    /** The fingerprint as journals written before issue 15 hold it: the keys and value forms of the code of then. */
    private static Map<String, String> legacy(RunSettings s, Map<String, String> now) {
        Map<String, String> m = new TreeMap<>();
        m.put("target", DATA.targetName());
        m.put("metric", s.metric() == null ? "default" : s.metric().name());
        m.put("budget.time", s.budget().time().toString());
        m.put("budget.max_trials", Integer.toString(s.budget().maxTrials()));
        m.put("seed", Long.toString(s.seed()));
        m.put("learners", String.join(",", s.learners().stream().map(Learner::id).toList()));
        m.put("searcher", s.searcher().id());
        m.put("featurizer", s.featurizer().id());
        m.putAll(s.featurizer().settings());
        m.put("trial_timeout", s.trialTimeout() == null ? "none" : s.trialTimeout().toString());
        m.put("portfolio", now.get("search.portfolio"));   // the same digest under its old name
        m.put("pruning", Boolean.toString(s.pruning()));
        m.put("ensemble_rounds", Integer.toString(s.ensembleRounds()));
        return m;
    }

    @Test
    void theKeysAreTheConfigKeysOfTheSettingsThatDecideTheTrials() {
        RunSettings s = base().build().settings().resolved();
        Set<String> expected = Arrays.stream(Setting.values()).filter(x -> x.scope() == Setting.Scope.FINGERPRINTED)
                .map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
        expected.add("data.target");
        expected.addAll(s.featurizer().settings().keySet());
        assertThat(SettingsFingerprint.of(s, DATA).keySet()).isEqualTo(expected);
    }

    @Test
    void aJournalWithTheOldKeysMatchesWhenNothingChangedAndNamesAChangeByTheNewKey() {
        RunSettings s = base().build().settings().resolved();
        Map<String, String> now = SettingsFingerprint.of(s, DATA);
        Map<String, String> old = legacy(s, now);
        assertThat(SettingsFingerprint.differences(old, now)).isEmpty();

        old.put("ensemble_rounds", "10");
        old.put("budget.time", "PT30S");
        assertThat(SettingsFingerprint.differences(old, now)).containsExactly(
                "budget.seconds (journal: 30, now: " + now.get("budget.seconds") + ")",
                "search.ensemble_rounds (journal: 10, now: 0)");
    }

    @Test
    void secondsAreWrittenAsPlainDecimals() {
        assertThat(SettingsFingerprint.seconds(java.time.Duration.ofMillis(60_000))).isEqualTo("60");
        assertThat(SettingsFingerprint.seconds(java.time.Duration.ofMillis(1_500))).isEqualTo("1.5");
        assertThat(SettingsFingerprint.seconds(java.time.Duration.ofDays(1))).isEqualTo("86400");
    }

    @Test
    void anInterruptedRunWhoseJournalHasTheOldKeysResumes() throws Exception {
        Path full = dir.resolve("full.jsonl");
        AutoMlRun uninterrupted = base().journal(full).build().fit(DATA);
        List<String> lines = Files.readAllLines(full, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = (ObjectNode) json.readTree(lines.get(0));
        RunSettings s = base().build().settings().resolved();
        ObjectNode settings = header.putObject("settings");
        legacy(s, SettingsFingerprint.of(s, DATA)).forEach(settings::put);
        List<String> cut = new ArrayList<>();
        cut.add(json.writeValueAsString(header));
        int finished = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (finished == 2) {
                break;
            }
            cut.add(line);
            finished += line.contains("\"trial_finished\"") ? 1 : 0;
        }
        Path journal = dir.resolve("old-keys.jsonl");
        Files.write(journal, cut, StandardCharsets.UTF_8);
        assertThat(Journal.read(journal).header().settings()).containsKey("ensemble_rounds").doesNotContainKey("search.seed");

        AutoMlRun resumed = base().journal(journal).build().resume(DATA);

        assertThat(resumed.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config()).toList())
                .isEqualTo(uninterrupted.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config()).toList());
    }
}
