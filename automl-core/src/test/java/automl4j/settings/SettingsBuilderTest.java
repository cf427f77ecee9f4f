package automl4j.settings;

import automl4j.execute.Isolation;
import automl4j.execute.TrialExecutor;
import automl4j.learn.BaselineLearner;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.Searcher;
import automl4j.searchloop.RunListener;
import automl4j.space.Config;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One builder method per setting, named from its key; each value checked once, whichever way it arrives. */
class SettingsBuilderTest {
    /** The builder's setters: its public methods, less the deprecated ones kept for one release. */
    static Set<String> setters(Class<?> builder) {
        return Arrays.stream(builder.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers()))
                .filter(m -> !m.isAnnotationPresent(Deprecated.class))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The builder methods {@link Setting} derives from its keys, plus {@code budget}, which sets the budget section. */
    static Set<String> derived() {
        Set<String> names = Arrays.stream(Setting.values()).map(Setting::builderMethod).collect(Collectors.toCollection(TreeSet::new));
        names.add("budget");
        return names;
    }

    @Test
    void everySettingHasABuilderMethodAndEveryBuilderMethodASetting() {
        assertThat(setters(SettingsBuilder.class)).isEqualTo(derived());
    }

    @Test
    void theBudgetSetterStandsForASectionOfKeys() {
        assertThat(Arrays.stream(Setting.values()).map(Setting::key).filter(k -> k.startsWith("budget.")))
                .containsExactly("budget.seconds", "budget.max_trials");
    }

    @Test
    void keysAreDottedSnakeCaseAndBuilderNamesUnique() {
        for (Setting s : Setting.values()) {
            assertThat(s.key()).as(s.name()).matches("([a-z]+\\.)?[a-z]+(_[a-z]+)*");
        }
        assertThat(Arrays.stream(Setting.values()).map(Setting::builderMethod).distinct().count()).isEqualTo(Setting.values().length);
        assertThat(Setting.ENSEMBLE_ROUNDS.builderMethod()).isEqualTo("ensembleRounds");
        assertThat(Setting.camelCase("target_encoding_folds")).isEqualTo("targetEncodingFolds");
    }

    @Test
    void ensembleRoundsAreCheckedInOnePlaceWhicheverWayTheyArrive() {
        String message = "search.ensemble_rounds must be from 0 to 10000, but was -1";
        assertThatThrownBy(() -> new Plain().ensembleRounds(-1)).hasMessage(message);
        RunSettings valid = new Plain().settings();
        assertThatThrownBy(() -> valid.with(b -> b.ensembleRounds(-1))).hasMessage(message);
        assertThatThrownBy(() -> new RunSettings(null, valid.budget(), 0, null, null, true, null, -1, false, null, null, null, 1, 1,
                Isolation.GUARDED, 0, null, Duration.ZERO, RunListener.NONE, null)).hasMessage(message);
        assertThatThrownBy(() -> new Plain().ensembleRounds(10_001)).hasMessageContaining("but was 10001");
        assertThat(new Plain().ensembleRounds(10_000).settings().ensembleRounds()).isEqualTo(10_000);
    }

    @Test
    void messagesNameTheKey() {
        assertThatThrownBy(() -> new Plain().maxTrials(0)).hasMessage("budget.max_trials must be >= 1, but was 0");
        assertThatThrownBy(() -> new Plain().seconds(Double.NaN)).hasMessageStartingWith("budget.seconds must be > 0");
        assertThatThrownBy(() -> new Plain().trialTimeout(Duration.ZERO)).hasMessage("trial_timeout must be > 0, but was PT0S");
        assertThatThrownBy(() -> new Plain().workerHeapMb(10)).hasMessageStartingWith("worker_heap_mb must be >= 64");
        assertThatThrownBy(() -> new Plain().threadsPerTrial(0)).hasMessage("threads_per_trial must be >= 1, but was 0");
        assertThatThrownBy(() -> new Plain().cores(0)).hasMessageStartingWith("cores must be from 1 to ");
        assertThatThrownBy(() -> new Plain().learners(List.of())).hasMessageStartingWith("search.learners must name at least one");
    }

    @Test
    void buildingChecksThatATrialFitsInTheCores() {
        Plain b = new Plain().cores(1).threadsPerTrial(2);
        assertThatThrownBy(b::settings).hasMessage("threads_per_trial must be <= cores (1), but was 2");
    }

    @Test
    void theExecutorHasCoresOverThreadsSlots() {
        TrialExecutor e = new Plain().cores(4).threadsPerTrial(2).settings().executor();
        assertThat(e.slots()).isEqualTo(2);
        assertThat(e.threadsPerTrial()).isEqualTo(2);
        TrialExecutor one = new Plain().cores(3).settings().executor();
        assertThat(one.slots()).isEqualTo(3);
        assertThat(one.threadsPerTrial()).isEqualTo(1);
    }

    @Test
    void secondsAndMaxTrialsSetTheBudgetAsTheConfigFileDid() {
        RunSettings s = new Plain().maxTrials(7).seconds(1.2345).settings();
        assertThat(s.budget()).isEqualTo(new Budget(Duration.ofMillis(1235), 7));
        assertThat(new Plain().seconds(0.0001).settings().budget().time()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aCopyKeepsEverySetting() {
        Searcher searcher = new Searcher() {
            @Override
            public String id() {
                return "none";
            }

            @Override
            public List<Config> propose(automl4j.search.SearchHistory history, int count) {
                return List.of();
            }
        };
        RunListener listener = new RunListener() { };
        RunSettings s = new Plain().metric(automl4j.metric.Metrics.rmse()).seconds(12).maxTrials(3).seed(9)
                .learners(List.of(new BaselineLearner())).searcher(searcher).pruning(false).portfolio(Portfolio.none())
                .ensembleRounds(4).trialTimeout(Duration.ofSeconds(5)).cores(2).threadsPerTrial(2)
                .isolation(Isolation.WORKERS).workerHeapMb(128).gpus(List.of()).timeOutside(Duration.ofSeconds(1))
                .listener(listener).journal(Path.of("j.jsonl")).trialRunner(context -> null).settings();
        assertThat(s.with(b -> { })).isEqualTo(s);
        assertThat(s.with(b -> b.seed(10)).seed()).isEqualTo(10);
        assertThat(s.with(b -> b.seed(10)).with(b -> b.seed(9))).isEqualTo(s);
    }

    /** The builder as a plug-in of the settings sees it. */
    static final class Plain extends SettingsBuilder<Plain> {
        @Override
        protected Plain self() {
            return this;
        }
    }
}
