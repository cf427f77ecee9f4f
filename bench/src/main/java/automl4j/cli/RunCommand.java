package automl4j.cli;

import automl4j.datasets.TableFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl run --config run.yaml}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an AutoML search described by a YAML config file.",
                "Prints a line per finished trial and the leaderboard; writes leaderboard.csv, model.automl,",
                "importance.csv, data-report.txt and effective-config.yaml into the output folder.",
                "Config keys (see README): data.train, data.target, data.task, metric, budget.seconds,",
                "budget.max_trials, search.learners, search.searcher, search.seed, cores, output."})
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
