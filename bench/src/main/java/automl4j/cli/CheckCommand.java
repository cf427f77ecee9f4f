package automl4j.cli;

import automl4j.data.EncodedTarget;
import automl4j.data.TaskData;
import automl4j.data.Tasks;
import automl4j.data.ValidationPlan;
import automl4j.datasets.TableFiles;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.FittedTransform;
import automl4j.featurize.Guardrail;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.validation.TargetGuardrails;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl check --config run.yaml} or {@code automl check --data d.csv --target y}: guardrails without a search. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a dataset before a run: column kinds and data guardrails.",
                "The guardrails: class imbalance, rare classes, missing values, high cardinality, ID-like and constant "
                        + "columns, duplicate rows, target leakage, non-numeric cells in numeric columns, decimal commas. "
                        + "Reads the data, data.* and featurize.* options from a run config, or takes --data and --target "
                        + "(and the options below for reading the file).",
                "Prints the kinds and guardrails; with --out (or the config's output), writes guardrails.json there."})
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--config", description = "A run config file (data.* and featurize.* keys are used).")
    Path config;

    @Option(names = "--data", description = "CSV or ARFF file (instead of --config).")
    Path data;

    @Option(names = "--target", description = "Target column (with --data).")
    String target;

    @Option(names = "--task", description = "binary, multiclass or regression (with --data; default: inferred).")
    String task;

    @Option(names = "--out", description = "Folder to write guardrails.json into.")
    Path out;

    @picocli.CommandLine.Mixin
    ReadOptionsMixin reading = new ReadOptionsMixin();

    @Override
    public Integer call() throws Exception {
        Path file;
        String targetName;
        String taskType = null;
        FeaturizerOptions options = FeaturizerOptions.defaults();
        automl4j.datasets.ReadOptions readOptions = reading.toReadOptions();
        RunConfig runConfig = null;
        Path dir = out;
        if (config != null) {
            if (data != null || target != null || task != null || reading.given()) {
                throw new UsageException("give either --config or --data and --target, not both (with --config, the data.* keys "
                        + "say how the file is read)");
            }
            RunConfig c = ConfigFile.read(config);
            runConfig = c;
            readOptions = c.read();
            file = c.train();
            targetName = c.target();
            taskType = c.task();
            options = c.featurize();
            dir = dir != null ? dir : c.output();
        } else {
            if (data == null || target == null) {
                throw new UsageException("give --config, or both --data and --target");
            }
            file = data;
            targetName = target;
            if (task != null) {
                try {
                    taskType = Tasks.parseLabel(task);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--task must be one of " + Tasks.labels() + ", but was '" + task + "'");
                }
            }
        }
        if (dir != null) {
            OutputPaths.checkFolder(dir, out != null ? "--out" : "config key 'output'");
        }
        tech.tablesaw.api.Table table = TableFiles.read(file, readOptions);
        if (runConfig != null) {
            ConfigFile.checkColumns(runConfig, table);
        }
        TaskData taskData = TaskData.of(table, targetName, taskType, file.getFileName().toString());
        EncodedTarget encoded = EncodedTarget.of(taskData);
        FittedTransform fitted = new TabularFeaturizer(options).fit(taskData.table(), encoded.rows(), encoded.target(),
                encoded.values());
        FeaturizationReport report = TargetGuardrails.withTargetChecks(fitted.report(), encoded.target(), encoded.values(),
                ValidationPlan.FOLDS);
        List<Guardrail> guardrails = report.guardrails();
        CommonOptions.out.printf("%s: %d rows, target '%s' (%s), %d features%n", file.getFileName(), encoded.size(), targetName,
                encoded.target().task().label(), fitted.featureNames().size());
        CommonOptions.out.println("Column kinds:");
        report.kinds().forEach((k, v) -> CommonOptions.out.printf("  %-24s %s%n", k, v));
        GuardrailsOutput.print(guardrails, CommonOptions.out);
        if (dir != null) {
            OutputLock lock = OutputLock.acquire(dir, "automl check", CommonOptions.out);
            try {
                GuardrailsOutput.write(guardrails, dir);
            } finally {
                lock.close();
            }
            CommonOptions.out.println("Wrote " + dir.resolve(GuardrailsOutput.FILE));
        }
        return ExitCodes.OK;
    }
}
