package automl4j.cli;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import automl4j.search.Searcher;
import automl4j.search.Searchers;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/** Runs a search described by a {@link RunConfig} on a table and writes the outputs. Shared by {@code run} and {@code demo}. */
final class RunExecution {
    private RunExecution() {
    }

    static void execute(RunConfig config, Table table, String source, PrintStream out) throws IOException {
        List<Learner> learners = resolveLearners(config.learners());
        Searcher searcher = resolveSearcher(config.searcher());
        TaskData data = TaskData.of(table, config.target(), config.task(), source);
        Metric metric = config.metric() == null ? Metrics.defaultFor(data.task()) : resolveMetric(config.metric());
        if (!metric.supports(data.task())) {
            throw new UsageException("config key 'metric': metric '" + metric.name() + "' does not fit task " + data.task().label()
                    + "; use one of " + Metrics.all().stream().filter(m -> m.supports(data.task())).map(Metric::name).toList());
        }
        long millis = Math.round(config.seconds() * 1000);
        AutoMlRun run = AutoMl.builder()
                .metric(metric)
                .budget(new Budget(Duration.ofMillis(Math.max(1, millis)), config.maxTrials()))
                .seed(config.seed())
                .learners(learners)
                .searcher(searcher)
                .ensembleRounds(config.search().ensembleRounds())
                .pruning(config.search().pruning())
                .portfolio(config.search().portfolio() ? automl4j.search.Portfolio.builtIn() : automl4j.search.Portfolio.none())
                .featurizer(new TabularFeaturizer(config.featurize()))
                .cores(config.cores())
                .listener(new ProgressPrinter(out, metric.name()))
                .build()
                .fit(data);
        String effective = ConfigFile.effective(config, learners.stream().map(Learner::id).toList(), metric.name());
        RunOutputs.write(run, data, metric, config.seed(), config.output(), effective, out);
    }

    static List<Learner> resolveLearners(List<String> ids) {
        List<Learner> all = Learners.discovered();
        if (ids.isEmpty()) {
            return all;
        }
        Map<String, Learner> byId = Learners.byId(all);
        List<Learner> out = new ArrayList<>();
        for (String id : ids) {
            Learner l = byId.get(id);
            if (l == null) {
                throw new UsageException("config key 'search.learners': learner '" + id + "' is unknown; known learners are " + byId.keySet());
            }
            out.add(l);
        }
        return out;
    }

    static Searcher resolveSearcher(String id) {
        try {
            return Searchers.forId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("config key 'search.searcher': " + e.getMessage());
        }
    }

    static Metric resolveMetric(String name) {
        try {
            return Metrics.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("config key 'metric': " + e.getMessage());
        }
    }
}
