package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.export.ModelFileException;
import automl4j.internal.AtomicFiles;
import automl4j.internal.CsvFields;
import automl4j.datasets.TableFiles;
import automl4j.learn.Predictions;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code automl predict --model m --data new.csv --out preds.csv}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score new rows with an exported model.",
                "Writes one row per input row: the predicted label and one probability column per class "
                        + "(classification), or the predicted value (regression). The options --separator, "
                        + "--missing-values, --infinity and --decimal read the file as the config keys data.* read the "
                        + "training file. When the file has the target column, the predictions are also scored by every "
                        + "metric that fits the task and the scores printed."})
final class PredictCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model file written by 'automl run' or 'automl demo'.")
    Path model;

    @Option(names = "--data", required = true, description = "CSV or ARFF file with the input columns.")
    Path data;

    @Option(names = "--out", required = true, description = "Predictions CSV to write.")
    Path out;

    @picocli.CommandLine.Mixin
    ReadOptionsMixin reading = new ReadOptionsMixin();

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkFile(out, "--out");   // before the model and the data are read, which may take long
        automl4j.datasets.ReadOptions readOptions = reading.toReadOptions();
        AutoMlModel m;
        try {
            m = AutoMlModel.load(model);
        } catch (ModelFileException e) {   // every problem of the model file: one line, exit 2
            throw new UsageException("--model: " + e.getMessage());
        }
        Table table = TableFiles.read(data, readOptions);
        Predictions p = m.predict(table);
        m.warnings(table).forEach(w -> spec.commandLine().getErr().println("automl: warning: " + w));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(out, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            if (p.hasProbabilities()) {
                w.write(CsvFields.quote("predicted_" + m.target().name()));
                for (String c : p.classes()) {
                    w.write("," + CsvFields.quote("p_" + c));
                }
                w.newLine();
                for (int i = 0; i < p.size(); i++) {
                    w.write(CsvFields.quote(p.label(i)));
                    for (double v : p.probabilities(i)) {
                        w.write("," + v);
                    }
                    w.newLine();
                }
            } else {
                w.write(CsvFields.quote("predicted_" + m.target().name()));
                w.newLine();
                for (int i = 0; i < p.size(); i++) {
                    w.write(Double.toString(p.value(i)));
                    w.newLine();
                }
            }
            w.flush();
        });
        CommonOptions.out.println("Wrote " + p.size() + " predictions to " + out);
        if (table.columnNames().contains(m.target().name())) {
            java.util.Map<String, Double> scores;
            try {
                scores = m.evaluate(table);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--data: cannot score target column '" + m.target().name() + "': " + e.getMessage());
            }
            StringBuilder line = new StringBuilder("Scores against column '" + m.target().name() + "':");
            scores.forEach((name, v) -> line.append(String.format(java.util.Locale.ROOT, " %s %.5f", name, v)));
            CommonOptions.out.println(line);
        }
        return ExitCodes.OK;
    }
}
