package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import automl4j.search.Budget;
import automl4j.searchloop.RunListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a metric defined only in the user's code (an anonymous class, listed in no services file) under the
 * default {@code guarded} isolation, where XGBoost's trials run in worker processes. Before the fix the workers looked
 * metrics up by built-in name, so every worker died on the unknown name (its trials ended as crashed workers) and the
 * run ended with no model. Now a metric that no worker can rebuild by id (it is in no
 * {@code META-INF/services/automl4j.metric.Metric}) keeps the run's trials in-process, and the log says so.
 */
class UserMetricInWorkerTest {
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(300, 5), DefaultDataset.TARGET);

    /** Mean squared distance of the second class's probability from the truth; lower is better. */
    private static Metric brierLike() {
        return new Metric() {
            @Override
            public String name() {
                return "brier-like";
            }

            @Override
            public boolean higherIsBetter() {
                return false;
            }

            @Override
            public boolean supports(Task task) {
                return task instanceof Classification c && c.isBinary();
            }

            @Override
            public double score(Labels truth, Predictions predictions) {
                double sum = 0;
                for (int i = 0; i < truth.size(); i++) {
                    double d = predictions.probability(i, 1) - truth.get(i);
                    sum += d * d;
                }
                return sum / truth.size();
            }
        };
    }

    private static AutoMl.Builder base() {
        Learner xgboost = Learners.byId(Learners.discovered()).get("xgboost");
        return AutoMl.builder().seed(4).budget(Budget.ofTrials(4)).learners(List.of(xgboost)).metric(brierLike())
                .ensembleRounds(0).cores(1).workerHeapMb(256);
    }

    private static List<String> signature(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " " + r.outcome().status()
                + " " + (r.completed() == null ? "" : Double.toString(r.completed().score()))).toList();
    }

    @Test
    void aUserMetricDefinedOnlyInCodeScoresTrialsOfAWorkerLearnerUnderGuardedIsolation() {
        List<String> log = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                log.add(message);
            }
        };
        AutoMlRun guarded = base().listener(listener).build().fit(DATA);
        AutoMlRun inProcess = base().isolation(Isolation.IN_PROCESS).build().fit(DATA);

        assertThat(guarded.leaderboard().rows()).hasSize(4)
                .allSatisfy(r -> assertThat(r.completed()).as("trial %d: %s", r.trial().id(), r.outcome()).isNotNull());
        assertThat(signature(guarded)).isEqualTo(signature(inProcess));
        assertThat(log).anyMatch(m -> m.startsWith("metric 'brier-like' is not listed in META-INF/services/automl4j.metric.Metric"));
    }
}
