package automl4j.cli;

import automl4j.datasets.TableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code automl run --config run.yaml}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an AutoML search described by a YAML config file, or resume a killed one.",
                "Prints a line per finished trial, the leaderboard and the data guardrails; writes leaderboard.csv, "
                        + "model.automl, importance.csv, data-report.txt, guardrails.json, effective-config.yaml and "
                        + "journal.jsonl (one JSON line per trial event, for --resume) into the output folder."})
final class RunCommand implements Callable<Integer> {
    /** Help lines listing every config key, none split across lines (the footer of {@code run --help}). */
    static String[] keysFooter() {
        List<String> lines = new ArrayList<>(List.of("", "Config keys (each described in the README's config reference):"));
        StringBuilder line = new StringBuilder(" ");
        for (String key : ConfigFile.KEYS.keySet()) {
            if (line.length() + key.length() + 2 > 76) {
                lines.add(line.toString());
                line = new StringBuilder(" ");
            }
            line.append(' ').append(key);
        }
        lines.add(line.toString());
        return lines.toArray(String[]::new);
    }

    @Option(names = "--config", paramLabel = "FILE", description = "The YAML config file.")
    Path config;

    @Option(names = "--resume", paramLabel = "FOLDER", description = "Continue the run whose output folder this is, after it "
            + "was killed: trials it finished are kept, the budget is what was left. Uses the folder's effective-config.yaml "
            + "and journal.jsonl; refuses if the data or the config changed.")
    Path resume;

    @Option(names = "--registry", paramLabel = "DB", description = "Record the run in this model registry (an SQLite file, "
            + "created if absent): its scores, effective config, data fingerprint, journal and model checksum. Overrides the "
            + "config key registry.path.")
    Path registry;

    @Option(names = "--register", paramLabel = "NAME", description = "Also register the run's model.automl as a new version "
            + "of the model NAME (in --registry, or registry.path, or " + RegistryOptions.DEFAULT_FILE + " in the working "
            + "folder). Overrides the config key registry.model.")
    String register;

    @Override
    public Integer call() throws Exception {
        if (register != null) {
            ConfigFile.checkModelName("--register", register);
        }
        if ((config == null) == (resume == null)) {
            throw new UsageException("give either --config FILE (a new run) or --resume FOLDER (continue a killed run)");
        }
        if (resume != null) {
            Path effective = resume.resolve(RunExecution.EFFECTIVE_CONFIG_FILE);
            if (!Files.isRegularFile(resume.resolve(RunExecution.JOURNAL_FILE)) || !Files.isRegularFile(effective)) {
                throw new UsageException("--resume " + resume + ": the folder must hold the " + RunExecution.JOURNAL_FILE + " and "
                        + RunExecution.EFFECTIVE_CONFIG_FILE + " of a run started with automl run");
            }
            RunConfig c = ConfigFile.read(effective).withOutput(resume).withRegistry(registry, register);
            OutputPaths.checkFolder(resume, "--resume");
            boolean parquet = SparkPredict.isParquet(c.train().toString());
            if (parquet ? !Files.exists(c.train()) : !Files.isRegularFile(c.train())) {
                throw new UsageException("--resume " + resume + ": the run read its data from " + c.train()
                        + " (data.train in " + effective + "), which is not a file now");
            }
            if (parquet) {
                runParquet(c, true);
            } else {
                RunExecution.execute(c, readChecked(c), readTest(c), c.train().getFileName().toString(), CommonOptions.out, true);
            }
            return ExitCodes.OK;
        }
        ConfigValues values = ConfigFile.values(config);
        if (ConfigFile.isForecasting(values)) {
            ForecastConfig fc = ForecastConfig.read(config, values);
            ForecastExecution.execute(fc, ForecastConfig.registry(config, values, registry, register), CommonOptions.out);
            return ExitCodes.OK;
        }
        RunConfig c = ConfigFile.read(config).withRegistry(registry, register);
        OutputPaths.checkFolder(c.output(), "config key 'output'");   // before the data is read, which may take long
        if (SparkPredict.isParquet(c.train().toString())) {
            runParquet(c, false);
            return ExitCodes.OK;
        }
        RunExecution.execute(c, readChecked(c), readTest(c), c.train().getFileName().toString(), CommonOptions.out, false);
        return ExitCodes.OK;
    }

    /**
     * A run on Parquet {@code data.train}: a Spark session (the spark section's, or spark-submit's) samples it for the
     * search and refits the best model on all of it; stopped afterwards. {@code data.test} may be Parquet or CSV.
     */
    private static void runParquet(RunConfig c, boolean resume) throws java.io.IOException {
        if (!Files.exists(c.train())) {
            throw new UsageException("config key 'data.train': " + c.train() + " does not exist");
        }
        try (SparkTrials spark = SparkTrials.startForData(c.spark(), CommonOptions.out)) {
            ParquetTrain train = ParquetTrain.sample(spark, c, CommonOptions.out);
            Table table = train.table();
            ConfigFile.checkColumns(c, table);
            Table test = null;
            if (c.test() != null && SparkPredict.isParquet(c.test().toString())) {
                test = checkedTest(c, train.readTest(c.test()));
            } else if (c.test() != null) {
                test = readTest(c);
            }
            RunExecution.execute(c, table, test, c.train().getFileName().toString(), CommonOptions.out, resume, train);
        }
    }

    /** The test table (data.test) read as the training table is, or null when the config names none. */
    static Table readTest(RunConfig c) {
        if (c.test() == null) {
            return null;
        }
        if (!Files.isRegularFile(c.test())) {
            throw new UsageException("config key 'data.test': " + c.test() + " is not a file");
        }
        return checkedTest(c, TableFiles.read(c.test(), c.read()));
    }

    // The test table has the target column.
    private static Table checkedTest(RunConfig c, Table table) {
        if (!table.columnNames().contains(c.target())) {
            throw new automl4j.datasets.DataFormatException("config key 'data.test': the test table " + c.test().getFileName() + " has no target column '"
                    + c.target() + "' (data.target); columns are " + table.columnNames());
        }
        return table;
    }

    /** The training table read as the config says, with the config's column names checked against it. */
    static Table readChecked(RunConfig c) {
        Table table = TableFiles.read(c.train(), c.read());
        ConfigFile.checkColumns(c, table);
        return table;
    }
}
