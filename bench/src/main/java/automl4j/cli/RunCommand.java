package automl4j.cli;

import automl4j.datasets.TableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl run --config run.yaml}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an AutoML search described by a YAML config file, or resume a killed one.",
                "Prints a line per finished trial, the leaderboard and the data guardrails; writes leaderboard.csv,",
                "model.automl, importance.csv, data-report.txt, guardrails.json, effective-config.yaml and",
                "journal.jsonl (one JSON line per trial event, for --resume)",
                "into the output folder.",
                "Config keys (see README): data.train, data.target, data.task, metric, budget.seconds,",
                "budget.max_trials, search.learners, search.searcher, search.seed,",
                "search.pruning, search.portfolio, search.ensemble_rounds, cores, output, featurize.kinds,",
                "featurize.imputation, featurize.scaling, featurize.high_cardinality, featurize.one_hot_max,",
                "featurize.rare_min_count, featurize.text_words, featurize.text_chars, featurize.leakage,",
                "featurize.search."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", description = "The YAML config file.")
    Path config;

    @Option(names = "--resume", paramLabel = "FOLDER", description = {"Continue the run whose output folder this is, after it",
            "was killed: trials it finished are kept, the budget is what was left. Uses the folder's",
            "effective-config.yaml and journal.jsonl; refuses if the data or the config changed."})
    Path resume;

    @Override
    public Integer call() throws Exception {
        if ((config == null) == (resume == null)) {
            throw new UsageException("give either --config FILE (a new run) or --resume FOLDER (continue a killed run)");
        }
        if (resume != null) {
            Path effective = resume.resolve(RunExecution.EFFECTIVE_CONFIG_FILE);
            if (!Files.isRegularFile(resume.resolve(RunExecution.JOURNAL_FILE)) || !Files.isRegularFile(effective)) {
                throw new UsageException("--resume " + resume + ": the folder must hold the " + RunExecution.JOURNAL_FILE + " and "
                        + RunExecution.EFFECTIVE_CONFIG_FILE + " of a run started with automl run");
            }
            RunConfig c = ConfigFile.read(effective).withOutput(resume);
            OutputPaths.checkFolder(resume, "--resume");
            if (!Files.isRegularFile(c.train())) {
                throw new UsageException("--resume " + resume + ": the run read its data from " + c.train()
                        + " (data.train in " + effective + "), which is not a file now");
            }
            RunExecution.execute(c, TableFiles.read(c.train()), c.train().getFileName().toString(), CommonOptions.out, true);
            return ExitCodes.OK;
        }
        RunConfig c = ConfigFile.read(config);
        OutputPaths.checkFolder(c.output(), "config key 'output'");   // before the data is read, which may take long
        RunExecution.execute(c, TableFiles.read(c.train()), c.train().getFileName().toString(), CommonOptions.out, false);
        return ExitCodes.OK;
    }
}
