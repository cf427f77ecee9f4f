package automl4j.cli;

import automl4j.data.Tasks;
import automl4j.datasets.Suite;
import automl4j.datasets.SuiteEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl bench-fold}: one (dataset, fold), run by {@code bench} in a fresh JVM. Not for direct use. */
@Command(name = "bench-fold", hidden = true, description = "Run one benchmark fold (used by 'automl bench').")
final class BenchFoldCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true)
    Path suite;

    @Option(names = "--dataset", required = true)
    String dataset;

    @Option(names = "--fold", required = true)
    int fold;

    @Option(names = "--budget", required = true)
    double budget;

    @Option(names = "--cores", required = true)
    int cores;

    @Option(names = "--seed", required = true)
    long seed;

    @Option(names = "--searcher", required = true)
    String searcher;

    @Option(names = "--ensemble-rounds", required = true)
    int ensembleRounds;

    @Option(names = "--pruning", required = true, arity = "1")
    boolean pruning;

    @Option(names = "--portfolio", required = true, arity = "1")
    boolean portfolio;

    @Option(names = "--isolation", defaultValue = "guarded")
    String isolation;

    @Option(names = "--framework", required = true)
    String framework;

    @Option(names = "--stacking", defaultValue = "false", arity = "1")
    boolean stacking;

    @Option(names = "--learners", split = ",")
    List<String> learners;

    @Option(names = "--portfolio-file")
    Path portfolioFile;

    @Option(names = "--trials", defaultValue = "0")
    int trials;

    @Option(names = "--result", required = true)
    Path result;

    @Override
    public Integer call() throws Exception {
        SuiteEntry entry = Suite.read(suite).stream().filter(e -> e.name().equals(dataset)).findFirst()
                .orElseThrow(() -> new UsageException("dataset '" + dataset + "' is not in " + suite));
        FoldResult row;
        String details = "";
        try {
            FoldRunner.Outcome o = FoldRunner.run(entry, fold, budget, cores, seed, RunExecution.resolveSearcher(searcher),
                    new FoldRunner.Options(ensembleRounds, pruning, portfolio, RunExecution.resolveIsolation(isolation), stacking,
                            learners == null ? List.of() : learners, portfolioFile, trials), framework);
            row = o.row();
            details = o.details();
        } catch (RuntimeException | OutOfMemoryError e) {
            row = FoldResult.failed(framework, entry.name(), entry.task(), fold, Tasks.defaultMetricOf(entry.task()),
                    Tasks.secondaryMetricOf(entry.task()), budget, cores, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Files.writeString(result, row.toCsv() + "\n" + details + "\n", StandardCharsets.UTF_8);
        return ExitCodes.OK;
    }
}
