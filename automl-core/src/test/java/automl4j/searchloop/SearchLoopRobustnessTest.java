package automl4j.searchloop;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialTask;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metrics;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The search loop never evaluates a config twice in a run, and nothing a searcher, a runner or a listener throws ends
 * the search: a trial fails instead, or a random config stands in for the searcher's.
 */
class SearchLoopRobustnessTest {
    private static final long MINUTE = 60_000_000_000L;

    /** A runner that completes each trial at once with a score computed from its config, or throws as told. */
    private static final class ScriptedRunner implements TrialRunner {
        final List<Config> submitted = new ArrayList<>();
        final Function<TrialTask, CompletableFuture<TrialOutcome>> answer;

        ScriptedRunner(Function<TrialTask, CompletableFuture<TrialOutcome>> answer) {
            this.answer = answer;
        }

        @Override
        public int capacity() {
            return 2;
        }

        @Override
        public synchronized CompletableFuture<TrialOutcome> submit(TrialTask task) {
            submitted.add(task.config());
            return answer.apply(task);
        }

        @Override
        public void close() {
        }
    }

    private static CompletableFuture<TrialOutcome> completed(TrialTask task) {
        double x = task.config().values().get("x") instanceof Double d ? d : 0.5;
        return CompletableFuture.completedFuture(new TrialOutcome.Completed((x - 0.3) * (x - 0.3), 0, 0.01, 1, "cpu", Map.of(), List.of()));
    }

    /** A searcher that always proposes the same config. */
    private static Searcher stuckOn(Config c) {
        return new Searcher() {
            @Override
            public String id() {
                return "stuck";
            }

            @Override
            public List<Config> propose(SearchHistory history, int count) {
                return List.of(c);
            }
        };
    }

    private static List<TrialResult> run(JointSpace space, Searcher searcher, List<Config> initial, TrialRunner runner,
                                         RunListener listener, int trials) throws InterruptedException {
        SearchLoop loop = new SearchLoop(new SearchLoop.Proposals(space, searcher, initial, PriorTrials.NONE, 42),
                new SearchLoop.Scoring(Metrics.rmse(), false, 1, false), runner, SplitStore.featurizing(choices -> List.of()), 1, listener, r -> 0);
        return loop.run(System.nanoTime(), MINUTE, trials, MINUTE);
    }

    private static final JointSpace CONTINUOUS = new JointSpace(Map.of("toy", new SearchSpace(List.of(new DoubleParam("x", 0, 1, false)))));

    @Test
    void aRepeatedProposalIsReplacedByANewConfig() throws InterruptedException {
        Config same = Config.of("toy", Map.of("x", 0.25));
        ScriptedRunner runner = new ScriptedRunner(SearchLoopRobustnessTest::completed);
        List<TrialResult> results = run(CONTINUOUS, stuckOn(same), List.of(same, same), runner, RunListener.NONE, 12);
        assertThat(results).hasSize(12);
        assertThat(new HashSet<>(runner.submitted)).hasSize(12);
        assertThat(results).allMatch(r -> r.completed() != null);
    }

    @Test
    void theSearchEndsWhenASmallSpaceIsExhausted() throws InterruptedException {
        JointSpace tiny = new JointSpace(Map.of("toy", new SearchSpace(List.of(new ChoiceParam("kind", List.of("a", "b", "c"))))));
        ScriptedRunner runner = new ScriptedRunner(SearchLoopRobustnessTest::completed);
        List<TrialResult> results = run(tiny, stuckOn(Config.of("toy", Map.of("kind", "a"))), List.of(), runner, RunListener.NONE, 20);
        assertThat(results).hasSize(3);
        assertThat(new HashSet<>(runner.submitted)).hasSize(3);
    }

    @Test
    void aSearcherThatThrowsIsReplacedByRandomConfigs() throws InterruptedException {
        Searcher broken = new Searcher() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<Config> propose(SearchHistory history, int count) {
                throw new IllegalStateException("model fit diverged");
            }
        };
        List<String> messages = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public synchronized void info(String message) {
                messages.add(message);
            }
        };
        List<TrialResult> results = run(CONTINUOUS, broken, List.of(), new ScriptedRunner(SearchLoopRobustnessTest::completed), listener, 6);
        assertThat(results).hasSize(6).allMatch(r -> r.completed() != null);
        assertThat(messages).anyMatch(m -> m.contains("searcher 'broken' failed to propose") && m.contains("model fit diverged"));
    }

    @Test
    void aRunnerThatThrowsFailsTheTrialNotTheSearch() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(task -> {
            if (task.trialId() % 2 == 0) {
                throw new IllegalStateException("no slot for trial " + task.trialId());
            }
            return completed(task);
        });
        List<TrialResult> results = run(CONTINUOUS, stuckOn(Config.of("toy", Map.of("x", 0.5))), List.of(), runner, RunListener.NONE, 6);
        assertThat(results).hasSize(6);
        for (TrialResult r : results) {
            if (r.trial().id() % 2 == 0) {
                assertThat(r.outcome()).isInstanceOfSatisfying(TrialOutcome.Failed.class,
                        f -> assertThat(f.message()).contains("no slot for trial " + r.trial().id()));
            } else {
                assertThat(r.completed()).isNotNull();
            }
        }
    }

    @Test
    void aListenerThatThrowsDoesNotEndTheSearch() throws InterruptedException {
        RunListener throwing = new RunListener() {
            @Override
            public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                throw new IllegalStateException("the progress bar broke");
            }

            @Override
            public void newBest(TrialResult best, double elapsedSeconds) {
                throw new IllegalStateException("the progress bar broke");
            }
        };
        List<TrialResult> results = run(CONTINUOUS, stuckOn(Config.of("toy", Map.of("x", 0.5))), List.of(),
                new ScriptedRunner(SearchLoopRobustnessTest::completed), throwing, 5);
        assertThat(results).hasSize(5).allMatch(r -> r.completed() != null);
    }
}
