package automl4j.cli;

import automl4j.AutoMl;
import automl4j.ConfigException;
import automl4j.datasets.DefaultDataset;
import automl4j.datasets.ReadOptions;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.search.Searchers;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl demo}: a search on the embedded default dataset, needing no files. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run an AutoML search on the embedded default dataset.",
                "The dataset is a synthetic customer-churn table (2000 rows, binary target 'churned') generated from the "
                        + "seed; the leaderboard is printed and the model and reports are written to --out."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "automl-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--budget", defaultValue = "30", description = "Time budget in seconds (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--cores", description = "Cores to use (default: all available).")
    Integer cores;

    @Option(names = "--rows", defaultValue = "2000", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "7", description = "Run and data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!(budget > 0)) {
            throw new UsageException("--budget must be > 0, but was " + budget);
        }
        if (rows < 10) {
            throw new UsageException("--rows must be >= 10, but was " + rows);
        }
        int c = cores == null ? Runtime.getRuntime().availableProcessors() : cores;
        if (c < 1) {
            throw new UsageException("--cores must be >= 1, but was " + c);
        }
        OutputPaths.checkFolder(out, "--out");
        AutoMl automl;
        try {
            automl = AutoMl.builder().seconds(budget).seed(seed).cores(c).searcher(Searchers.forId("tpe"))
                    .featurizer(new TabularFeaturizer(FeaturizerOptions.defaults())).build();
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        RunConfig config = new RunConfig(Path.of("(embedded churn dataset)"), null, DefaultDataset.TARGET, null, ReadOptions.defaults(),
                automl, FeaturizerOptions.defaults(), out, null, null, null);
        // A test set from another seed of the same generator: rows the run never sees, scored after it.
        RunExecution.execute(config, DefaultDataset.generate(rows, seed), DefaultDataset.generate(Math.max(10, rows / 2), seed + 1),
                "embedded churn dataset", CommonOptions.out, false);
        return ExitCodes.OK;
    }
}
