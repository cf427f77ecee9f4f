package automl4j.cli;

import automl4j.datasets.TableFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl run --config run.yaml}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an AutoML search described by a YAML config file.",
                "Prints a line per finished trial, the leaderboard and the data guardrails; writes leaderboard.csv,",
                "model.automl, importance.csv, data-report.txt, guardrails.json and effective-config.yaml",
                "into the output folder.",
                "Config keys (see README): data.train, data.target, data.task, metric, budget.seconds,",
                "budget.max_trials, search.learners, search.searcher, search.seed,",
                "search.pruning, search.portfolio, search.ensemble_rounds, cores, output, featurize.kinds,",
                "featurize.imputation, featurize.scaling, featurize.high_cardinality, featurize.one_hot_max,",
                "featurize.rare_min_count, featurize.text_words, featurize.text_chars, featurize.leakage,",
                "featurize.search."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "The YAML config file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        RunConfig c = ConfigFile.read(config);
        RunExecution.execute(c, TableFiles.read(c.train()), c.train().getFileName().toString(), CommonOptions.out);
        return ExitCodes.OK;
    }
}
