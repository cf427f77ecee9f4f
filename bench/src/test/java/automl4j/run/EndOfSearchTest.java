package automl4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.TrainingSet;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EndOfSearchTest {
    private static final Learner CONSTANT = Learners.byId(Learners.discovered()).get("tribuo-linear-sgd");

    /** A learner whose fits take {@code millis}, with a constant model. */
    private static Learner sleeping(String id, long millis) {
        return new FaultyLearners.Base(id) {
            @Override
            public FittedModel fit(TrainingSet data, Config config, FitContext context) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CONSTANT.fit(data, CONSTANT.defaultConfig(data.target().task()), context);
            }
        };
    }

    /** Always proposes the first learner of the space it is given: the slow one, while the full space is asked. */
    public static final class FirstLearner implements Searcher {
        @Override
        public String id() {
            return "first-learner";
        }

        @Override
        public List<Config> propose(SearchHistory history, int count) {
            JointSpace space = history.space();
            SplittableRandom random = new SplittableRandom(history.seed() + history.proposedCount());
            return java.util.stream.Stream.generate(() -> space.sample(space.learners().get(0), random)).limit(count).toList();
        }
    }

    @Test
    void whenTheProposedLearnerNoLongerFitsTheTimeLeftTheSearchGoesOnWithLearnersThatDo() {
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTime(Duration.ofSeconds(4)))
                .learners(List.of(sleeping("slow", 60), sleeping("quick", 1))).searcher(new FirstLearner())
                .portfolio(Portfolio.none()).ensembleRounds(0).pruning(false).isolation(Isolation.IN_PROCESS).cores(1)
                .build().fit(TaskData.of(DefaultDataset.generate(300, 4), DefaultDataset.TARGET));
        List<TrialResult> rows = run.leaderboard().rows();

        List<Integer> slow = rows.stream().filter(r -> r.trial().config().learner().equals("slow"))
                .map(r -> r.trial().id()).toList();
        List<Integer> quick = rows.stream().filter(r -> r.trial().config().learner().equals("quick"))
                .map(r -> r.trial().id()).toList();
        assertThat(slow).isNotEmpty();
        // The warm start tries each learner's default once; every later quick trial was proposed because a slow one
        // would not have ended before the search end.
        int lastSlow = slow.stream().max(Integer::compare).orElseThrow();
        assertThat(quick.stream().filter(id -> id > lastSlow).count()).isGreaterThanOrEqualTo(3);
    }
}
