package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlException;
import automl4j.AutoMlRun;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.execute.Pruning;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import automl4j.searchloop.RunListener;
import automl4j.searchloop.SearchLoop;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class EngineTest {
    private static List<Learner> learners(String... ids) {
        List<Learner> out = new ArrayList<>();
        for (Learner l : Learners.discovered()) {
            if (List.of(ids).contains(l.id())) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> signature(AutoMlRun run) {
        List<String> rows = new ArrayList<>();
        for (TrialResult r : run.leaderboard().rows()) {
            rows.add(r.trial().id() + " " + r.trial().config() + " " + r.outcome().status() + " "
                    + (r.completed() == null ? "" : Double.toString(r.completed().score())));
        }
        return rows;
    }

    @Test
    void sameSeedAndMaxTrialsGiveTheSameLeaderboardOnOneTwoAndFourSlots() {
        Table table = DefaultDataset.generate(600, 2);
        AutoMl base = AutoMl.builder().seed(5).budget(Budget.ofTrials(14)).isolation(Isolation.IN_PROCESS)
                .learners(learners("xgboost", "tribuo-linear-sgd")).searcher(new RandomSearcher()).build();
        AutoMlRun one = base.toBuilder().cores(1).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        AutoMlRun two = base.toBuilder().cores(2).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        AutoMlRun four = base.toBuilder().cores(4).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(signature(two)).isEqualTo(signature(one));
        assertThat(signature(four)).isEqualTo(signature(one));
        assertThat(one.leaderboard().rows()).filteredOn(r -> !r.trial().config().learner().equals("ensemble")).hasSize(14);
    }

    /** A learner that fits like tribuo-linear-sgd's default but finds every data shape unsuited. */
    private static Learner picky() {
        Learner linear = learners("tribuo-linear-sgd").get(0);
        return new FaultyLearners.Base("picky") {
            @Override
            public FittedModel fit(TrainingSet data, Config config, FitContext context) {
                return linear.fit(data, linear.defaultConfig(data.target().task()), context);
            }

            @Override
            public java.util.Optional<String> unsuitedTo(automl4j.learn.DataShape shape) {
                return java.util.Optional.of("it wants more than " + shape.rows() + " rows");
            }
        };
    }

    @Test
    void anUnsuitedLearnerIsLeftOutWithItsReasonUnlessItIsTheOnlyOne() {
        Table table = DefaultDataset.generate(300, 3);
        List<String> info = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                info.add(message);
            }
        };
        List<Learner> both = new ArrayList<>(learners("xgboost"));
        both.add(picky());
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTrials(6)).learners(both).cores(1).ensembleRounds(0)
                .isolation(Isolation.IN_PROCESS).listener(listener).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(run.leaderboard().rows()).hasSize(6).allSatisfy(r -> assertThat(r.trial().config().learner()).isEqualTo("xgboost"));
        assertThat(info).anySatisfy(m -> assertThat(m).startsWith("not searching picky: it wants more than ").endsWith(" rows"));

        AutoMlRun alone = AutoMl.builder().seed(1).budget(Budget.ofTrials(2)).learners(List.of(picky())).cores(1).ensembleRounds(0)
                .isolation(Isolation.IN_PROCESS).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(alone.leaderboard().rows()).hasSize(2).allSatisfy(r -> assertThat(r.trial().config().learner()).isEqualTo("picky"));
    }

    @Test
    void aThrowingTrialIsRecordedAsFailedAndTheSearchGoesOn() {
        Table table = DefaultDataset.generate(300, 3);
        List<Learner> ls = new ArrayList<>(learners("xgboost"));
        ls.add(FaultyLearners.failing(FaultyLearners.Fault.THROWS));
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTrials(8)).learners(ls).cores(2).ensembleRounds(0).build()
                .fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(run.leaderboard().rows()).hasSize(8);
        assertThat(run.leaderboard().rows()).filteredOn(r -> r.trial().config().learner().equals("throws"))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.outcome()).isInstanceOf(TrialOutcome.Failed.class);
                    assertThat(((TrialOutcome.Failed) r.outcome()).message()).contains("deliberate failure").contains("trial " + r.trial().id());
                });
        assertThat(run.bestTrial().trial().config().learner()).isEqualTo("xgboost");
    }

    @Test
    void aRunInWhichEveryTrialFailsListsTheFailures() {
        Table table = DefaultDataset.generate(100, 3);
        assertThatThrownBy(() -> AutoMl.builder().budget(Budget.ofTrials(3)).learners(List.of(FaultyLearners.failing(FaultyLearners.Fault.THROWS))).cores(1)
                .build().fit(TaskData.of(table, DefaultDataset.TARGET)))
                .isInstanceOf(AutoMlException.class).hasMessageContaining("no trial completed (3 trials)")
                .hasMessageContaining("deliberate failure");
    }

    /** Delegates to another learner, refusing any config that still carries featurization choices. */
    static final class KeyCheckingLearner implements Learner {
        private final Learner inner;

        KeyCheckingLearner(Learner inner) {
            this.inner = inner;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return inner.tasks();
        }

        @Override
        public SearchSpace space(Task task) {
            return inner.space(task);
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            if (config.values().keySet().stream().anyMatch(k -> k.startsWith("featurize."))) {
                throw new AssertionError("a featurization choice reached the learner: " + config);
            }
            return inner.fit(data, config, context);
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            return inner.load(artifact);
        }
    }

    @Test
    void featurizationChoicesAreSearchedButNeverReachTheLearner() {
        Table table = DefaultDataset.generate(300, 6);   // 'plan' is categorical, 'monthly_fee' has missing values
        AutoMlRun run = AutoMl.builder().seed(2).budget(Budget.ofTrials(12)).searcher(new RandomSearcher()).cores(2)
                .ensembleRounds(0).learners(List.of(new KeyCheckingLearner(learners("tribuo-linear-sgd").get(0)))).build()
                .fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(run.leaderboard().rows()).allSatisfy(r -> assertThat(r.completed()).as(r.toString()).isNotNull());
        List<Object> encodings = run.leaderboard().rows().stream()
                .map(r -> r.trial().config().values().get("featurize.categorical")).distinct().toList();
        assertThat(encodings).containsExactlyInAnyOrder("one-hot", "target");
        assertThat(run.leaderboard().rows().get(0).trial().config().values()).containsKey("featurize.imputation");
        boolean targetEncoded = "target".equals(run.best().config().values().get("featurize.categorical"));
        assertThat(run.best().transform().featureNames().contains("plan:target")).isEqualTo(targetEncoded);
    }

    @Test
    void regressionAndMulticlassRunEndToEnd() {
        Table table = DefaultDataset.generate(300, 4);
        AutoMlRun reg = AutoMl.builder().budget(Budget.ofTrials(4)).cores(2).build()
                .fit(TaskData.of(table, "monthly_fee", "regression", "churn"));
        assertThat(reg.best().target().task()).isEqualTo(new Regression());
        assertThat(reg.leaderboard().metric().name()).isEqualTo("rmse");
        AutoMlRun multi = AutoMl.builder().budget(Budget.ofTrials(4)).cores(2).build().fit(TaskData.of(table, "plan"));
        assertThat(multi.best().target().classes()).containsExactly("basic", "plus", "pro");
    }

    @Test
    void anEnsembleOfTrialsIsALeaderboardRowAndExportsAsOneFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Table table = DefaultDataset.generate(600, 8);
        AutoMlRun run = AutoMl.builder().seed(3).budget(Budget.ofTrials(16)).searcher(new RandomSearcher()).cores(2)
                .learners(learners("xgboost", "tribuo-linear-sgd", "smile-random-forest")).ensembleRounds(30).build()
                .fit(TaskData.of(table, DefaultDataset.TARGET));
        TrialResult ensemble = run.bestTrial();
        assertThat(ensemble.trial().config().learner()).isEqualTo("ensemble");
        assertThat(run.leaderboard().rows().get(0)).isSameAs(ensemble);
        double bestSingle = run.leaderboard().rows().stream().filter(r -> r != ensemble && r.completed() != null)
                .mapToDouble(r -> r.completed().score()).max().orElseThrow();
        assertThat(ensemble.completed().score()).isGreaterThan(bestSingle);
        assertThat(run.best().isEnsemble()).isTrue();
        assertThat(run.best().members().stream().mapToDouble(automl4j.pipeline.Pipeline.Member::weight).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        // Each member is a finished trial's config, named with its weight in the ensemble row.
        String members = ensemble.trial().config().choice("members");
        for (automl4j.pipeline.Pipeline.Member m : run.best().members()) {
            // A member's config is its trial's, with what validation learned for the refit (early-stopped rounds).
            TrialResult trial = run.leaderboard().rows().stream().filter(r -> refitConfig(r).equals(m.config()))
                    .findFirst().orElseThrow();
            assertThat(members).contains(trial.trial().id() + ":");
        }
        java.nio.file.Path file = dir.resolve("model.automl");
        run.best().exportTo(file);
        automl4j.AutoMlModel loaded = automl4j.AutoMlModel.load(file);
        assertThat(loaded.members()).hasSameSizeAs(run.best().members());
        Table rows = DefaultDataset.generate(50, 9);
        automl4j.learn.Predictions before = run.best().predict(rows);
        automl4j.learn.Predictions after = loaded.predict(rows);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.probabilities(i)).containsExactly(before.probabilities(i));
        }
    }

    @Test
    void portfolioConfigsThatFitTheRunAreTriedAfterTheCheapDefaultsInOrder() throws java.io.IOException {
        Table table = DefaultDataset.generate(300, 11);
        java.util.Map<String, Object> xgb = new java.util.TreeMap<>(learners("xgboost").get(0).defaultConfig(new Classification(List.of("no", "yes"))).values());
        xgb.put("max_depth", 3);
        Config first = Config.of("xgboost", xgb);
        Config unknownLearner = Config.of("no-such-learner", java.util.Map.of("k", 1));
        Config second = Config.of("smile-logistic", java.util.Map.of("lambda", 2.0));
        automl4j.search.Portfolio portfolio = automl4j.search.Portfolio.fromJson(new automl4j.search.Portfolio(
                java.util.Map.of("binary", List.of(first, unknownLearner, second)), "test").toJson());
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTrials(4)).cores(1).ensembleRounds(0).portfolio(portfolio)
                .learners(learners("xgboost", "smile-logistic")).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        List<Config> tried = run.leaderboard().rows().stream().sorted(java.util.Comparator.comparingInt(r -> r.trial().id()))
                .map(r -> automl4j.cli.PortfolioCommandAccess.stripped(r.trial().config())).toList();
        // The defaults of the cheap learners (both are), cheapest first, then the portfolio in its order.
        Config logisticDefault = learners("smile-logistic").get(0).defaultConfig(new Classification(List.of("no", "yes")));
        Config xgboostDefault = learners("xgboost").get(0).defaultConfig(new Classification(List.of("no", "yes")));
        assertThat(tried).containsExactly(logisticDefault, xgboostDefault, first, second);
    }

    @Test
    void trialsWorseThanTheMedianAtTheirFirstSplitsArePrunedTheSameWayOnAnyNumberOfSlots() {
        Table table = DefaultDataset.generate(400, 12);
        AutoMl base = AutoMl.builder().seed(4).budget(Budget.ofTrials(30)).searcher(new RandomSearcher()).ensembleRounds(0)
                .learners(learners("xgboost", "smile-logistic")).build();
        AutoMlRun one = base.toBuilder().cores(1).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        AutoMlRun two = base.toBuilder().cores(2).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(signature(two)).isEqualTo(signature(one));
        List<TrialResult> pruned = one.leaderboard().rows().stream().filter(r -> r.outcome() instanceof TrialOutcome.Pruned).toList();
        assertThat(pruned).isNotEmpty();
        // Never before eight trials could be compared with (plus the lag of proposals), never after the second split.
        assertThat(pruned).allSatisfy(r -> {
            assertThat(r.trial().id()).isGreaterThanOrEqualTo(Pruning.MIN_TRIALS + SearchLoop.LAG);
            assertThat(((TrialOutcome.Pruned) r.outcome()).splits()).isBetween(1, 2);
        });
        AutoMlRun off = base.toBuilder().cores(2).pruning(false).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        assertThat(off.leaderboard().rows()).noneMatch(r -> r.outcome() instanceof TrialOutcome.Pruned);
    }

    /** {@code trial}'s config with the settings its validation fits learned, as the refit uses it. */
    private static automl4j.space.Config refitConfig(TrialResult trial) {
        automl4j.space.Config config = trial.trial().config();
        if (trial.completed() == null || trial.completed().refitSettings().isEmpty()) {
            return config;
        }
        java.util.Map<String, Object> values = new java.util.TreeMap<>(config.values());
        values.putAll(trial.completed().refitSettings());
        return automl4j.space.Config.of(config.learner(), values);
    }
}
