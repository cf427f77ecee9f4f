package automl4j.cli;

import automl4j.ConfigException;
import automl4j.metric.Metrics;
import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelVersion;
import automl4j.registry.Run;
import automl4j.registry.RunRecord;
import automl4j.registry.SortOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code automl runs list|show|compare}: the runs a registry recorded. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The runs recorded in a registry: list them sorted by any metric, show one, compare several.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Compare.class})
final class RunsCommand implements Callable<Integer> {
    /** The sort keys that {@code runs list} shows as columns anyway; any other key gets a column of its own. */
    private static final List<String> COLUMN_KEYS = List.of("id", "started", "finished", "validation", "test");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage, as a bad command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static PrintStream out() {
        return CommonOptions.out;
    }

    /**
     * The order {@code order} ({@code asc}, {@code desc} or {@code best}) means for {@code key}: best is newest first for
     * id and times, each run's own direction for validation and test, and the metric's direction for a metric name
     * (with its {@code validation_} or {@code test_} prefix), largest first for a name the engine does not know.
     */
    static SortOrder order(String key, String order) {
        switch (order) {
            case "asc":
                return SortOrder.ASCENDING;
            case "desc":
                return SortOrder.DESCENDING;
            case "best":
                break;
            default:
                throw new UsageException("--order must be asc, desc or best, but was '" + order + "'");
        }
        if (List.of("id", "started", "finished").contains(key)) {
            return SortOrder.DESCENDING;
        }
        if (List.of("validation", "test").contains(key)) {
            return SortOrder.BEST_FIRST;
        }
        String metric = key.replaceFirst("^(validation|test)_", "");
        try {
            return Metrics.forName(metric).higherIsBetter() ? SortOrder.DESCENDING : SortOrder.ASCENDING;
        } catch (ConfigException e) {
            return SortOrder.DESCENDING;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The recorded runs, sorted.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Option(names = "--sort", paramLabel = "KEY", description = "id, started, finished, validation (each run's validation "
                + "score), test, or a metric a run recorded, such as test_logloss or validation_auc (default: id).")
        String sort = "id";

        @Option(names = "--order", paramLabel = "ORDER", description = "asc, desc or best (default best: newest first for id "
                + "and times, best first for a score, by the metric's direction).")
        String order = "best";

        @Option(names = "--limit", paramLabel = "N", description = "Show the first N runs only (default: all).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new UsageException("--limit must be >= 0, but was " + limit);
            }
            SortOrder sortOrder = order(sort, order);
            try (ModelRegistry registry = options.open()) {
                List<Run> runs = registry.runs(sort, sortOrder, limit);
                if (options.json) {
                    RegistryFormat.printJson(RegistryFormat.array(runs, RegistryFormat::run), out());
                    return ExitCodes.OK;
                }
                boolean extra = !COLUMN_KEYS.contains(sort);
                TextTable t = extra
                        ? new TextTable("RUN>", "STARTED", "STATUS", "TASK", "TARGET", "METRIC", "VALIDATION>", "TEST>", sort.toUpperCase(Locale.ROOT) + ">", "OUTPUT")
                        : new TextTable("RUN>", "STARTED", "STATUS", "TASK", "TARGET", "METRIC", "VALIDATION>", "TEST>", "OUTPUT");
                for (Run run : runs) {
                    RunRecord r = run.record();
                    Object[] common = {run.id(), RegistryFormat.time(r.started()), r.status(), r.task(), r.target(), r.metric(),
                            RegistryFormat.score(r.validationScore()), RegistryFormat.score(r.testScore())};
                    if (extra) {
                        t.row(concat(common, RegistryFormat.score(r.metrics().get(sort)), r.outputFolder()));
                    } else {
                        t.row(concat(common, r.outputFolder()));
                    }
                }
                t.print(out());
                return ExitCodes.OK;
            }
        }

        private static Object[] concat(Object[] a, Object... b) {
            Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: its scores, every metric, where its "
            + "outputs are, the versions registered from it, and its effective config.")
    static final class Show implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "ID", description = "The run.")
        long id;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                Run run = registry.run(id);
                List<ModelVersion> versions = registry.versionsOfRun(id);
                if (options.json) {
                    ObjectNode n = RegistryFormat.run(run);
                    n.set("versions", RegistryFormat.array(versions, RegistryFormat::version));
                    RegistryFormat.printJson(n, out());
                    return ExitCodes.OK;
                }
                RunRecord r = run.record();
                out().println("Run " + run.id() + " in " + registry.database());
                TextTable t = new TextTable("FIELD", "VALUE");
                t.row("started", RegistryFormat.time(r.started())).row("finished", RegistryFormat.time(r.finished()))
                        .row("status", r.status()).row("task", r.task()).row("target", r.target())
                        .row("metric", r.metric() == null ? null : r.metric() + (Boolean.FALSE.equals(r.higherIsBetter())
                                ? " (lower is better)" : " (higher is better)"))
                        .row("validation", RegistryFormat.score(r.validationScore())).row("test", RegistryFormat.score(r.testScore()))
                        .row("data fingerprint", r.dataFingerprint()).row("output folder", r.outputFolder())
                        .row("journal", r.journalPath()).row("model sha-256", r.modelChecksum())
                        .row("versions", versions.isEmpty() ? null : String.join(", ", versions.stream().map(ModelVersion::label).toList()));
                r.metrics().forEach((k, v) -> t.row(k, RegistryFormat.score(v)));
                t.print(out());
                if (r.config() != null) {
                    out().println();
                    out().println("Effective config:");
                    r.config().lines().forEach(l -> out().println("  " + l));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Runs side by side: their scores, every "
            + "metric, whether they saw the same data, and the config keys whose values differ.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(arity = "2..*", paramLabel = "ID", description = "Two runs or more.")
        List<Long> ids;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                List<Run> runs = registry.compare(ids.stream().mapToLong(Long::longValue).toArray());
                RunComparison comparison = RunComparison.of(runs);
                if (options.json) {
                    RegistryFormat.printJson(comparison.toJson(), out());
                    return ExitCodes.OK;
                }
                comparison.print(out());
                return ExitCodes.OK;
            }
        }
    }
}
