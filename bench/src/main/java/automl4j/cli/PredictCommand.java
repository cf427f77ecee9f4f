package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.datasets.CsvChunkReader;
import automl4j.datasets.CsvChunkReader.Chunk;
import automl4j.datasets.TableFiles;
import automl4j.export.ModelFileException;
import automl4j.featurize.FittedTransform;
import automl4j.internal.AtomicFiles;
import automl4j.pipeline.Pipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code automl predict --model m --data new.csv --out preds.csv}: scores a CSV file in chunks of {@code --chunk-rows}
 * rows, in memory bounded by the chunk (issue 18), writing each chunk's predictions before reading the next. An ARFF
 * file is read whole and scored as one chunk.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score new rows with an exported model.",
                "Reads and writes in a stream, a chunk of rows at a time, so a file of any size is scored in bounded memory "
                        + "(ARFF files are read whole). Writes one row per scored input row: the --keep columns, then the "
                        + "predicted label and one probability column per class (classification), or the predicted value "
                        + "(regression). A row the model cannot read (a wrong field count, a text where a number belongs, an "
                        + "infinite number) stops the command naming its row and line (exit 3), or with --rejects goes to "
                        + "that file with the reason. The options --separator, --missing-values, --infinity and --decimal "
                        + "read the file as the config keys data.* read the training file. When the file has the target "
                        + "column, the predictions are also scored by every metric that fits the task and the scores printed."})
final class PredictCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model file written by 'automl run' or 'automl demo'.")
    Path model;

    @Option(names = "--data", required = true, description = "CSV or ARFF file with the input columns; or Parquet (a name "
            + "ending in .parquet, any file system Spark reads) when run under spark-submit, scored in Spark into --out, "
            + "also Parquet.")
    Path data;

    @Option(names = "--out", required = true, description = "Predictions CSV to write; with Parquet --data, the Parquet "
            + "folder to write: every input column, the prediction and (classification) the probability vector.")
    Path out;

    @Option(names = "--future", paramLabel = "FILE", description = "Forecast models: the values of the covariates known in "
            + "advance for the horizon after each series' end (the id, time and known covariate columns).")
    Path future;

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN", description = "Input columns copied to the output before "
            + "the predictions, comma-separated, e.g. id,date.")
    List<String> keep = new ArrayList<>();

    @Option(names = "--rejects", paramLabel = "FILE", description = "CSV file for the rows that cannot be scored (their "
            + "fields and a reason column); the other rows are scored. Without it the first such row is an error.")
    Path rejects;

    @Option(names = "--chunk-rows", defaultValue = "10000", paramLabel = "N", description = "Rows read and scored at a time "
            + "(default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @picocli.CommandLine.Mixin
    ReadOptionsMixin reading = new ReadOptionsMixin();

    @Override
    public Integer call() throws Exception {
        // Parquet is scored in Spark (issue 21); the paths as typed, since they may be URIs (s3a://...) a Path mangles
        String dataArg = typed("--data", data);
        String outArg = typed("--out", out);
        if (SparkPredict.isParquet(dataArg) || SparkPredict.isParquet(outArg)) {
            List<String> unsupported = new ArrayList<>();
            if (future != null) {
                unsupported.add("--future");
            }
            if (!keep.isEmpty()) {
                unsupported.add("--keep (the Parquet output keeps every input column)");
            }
            if (rejects != null) {
                unsupported.add("--rejects (a row the model cannot read stops the job, naming its partition and column)");
            }
            if (!unsupported.isEmpty()) {
                throw new UsageException("with Parquet data these options are not supported: " + String.join(", ", unsupported));
            }
            return SparkPredict.run(model, dataArg, outArg, CommonOptions.out);
        }
        OutputPaths.checkFile(out, "--out");   // before the model and the data are read, which may take long
        if (rejects != null) {
            OutputPaths.checkFile(rejects, "--rejects");
            if (rejects.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new UsageException("--rejects must name another file than --out, but both are " + out);
            }
        }
        if (chunkRows < 1) {
            throw new UsageException("--chunk-rows must be >= 1, but was " + chunkRows);
        }
        automl4j.datasets.ReadOptions readOptions = reading.toReadOptions();
        if (automl4j.forecast.ForecastModel.isForecastModel(model)) {
            return ForecastPredict.run(model, data, future, out, readOptions, CommonOptions.out);
        }
        if (future != null) {
            throw new UsageException("--future is for forecast models; " + model + " is not one");
        }
        AutoMlModel m;
        try {
            m = AutoMlModel.load(model);
        } catch (ModelFileException e) {   // every problem of the model file: one line, exit 2
            throw new UsageException("--model: " + e.getMessage());
        }
        long start = System.nanoTime();
        boolean arff = data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff");
        try (PredictSource source = arff ? PredictSource.whole(TableFiles.read(data, readOptions))
                : PredictSource.of(CsvChunkReader.open(data, readOptions, numericInputs(m)))) {
            List<String> header = source.header();
            checkColumns(m, header);
            int[] kept = keptColumns(header);
            PredictRows[] result = new PredictRows[1];
            long[] rowsIn = new long[1];
            PredictWarnings warnings = new PredictWarnings();
            String target = m.target().name();
            ScoreAccumulator truth = header.contains(target) ? new ScoreAccumulator(m, data.toString()) : null;
            createParent(out);
            Path rejectsTmp = null;
            if (rejects != null) {
                createParent(rejects);
                rejectsTmp = AtomicFiles.tempBeside(rejects);
            }
            Path rejectsPart = rejectsTmp;
            try {
                AtomicFiles.write(out, stream -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                    try (Writer rw = rejectsPart == null ? null : Files.newBufferedWriter(rejectsPart, StandardCharsets.UTF_8)) {
                        PredictRows rows = new PredictRows(data.toString(), w, rw, kept);
                        result[0] = rows;
                        List<String> classes = m.target().task() instanceof Classification c ? c.classes() : List.of();
                        rows.writeHeaders(header, keep, target, classes);
                        Chunk chunk;
                        while ((chunk = source.next(chunkRows)) != null) {
                            rowsIn[0] += chunk.rowsRead();
                            score(m, chunk, rows, warnings, truth);
                        }
                    }
                    w.flush();
                });
                if (rejectsPart != null) {
                    AtomicFiles.commit(rejectsPart, rejects);
                }
            } finally {
                if (rejectsPart != null) {
                    Files.deleteIfExists(rejectsPart);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            warnings.all().forEach(w -> spec.commandLine().getErr().println("automl: warning: " + w));
            PredictRows rows = result[0];
            if (rowsIn[0] != rows.scored() + rows.rejected()) {   // nothing may be dropped silently
                throw new IllegalStateException("rows in " + rowsIn[0] + " but scored " + rows.scored() + " and rejected "
                        + rows.rejected());
            }
            CommonOptions.out.println("Wrote " + rows.scored() + " predictions to " + out
                    + (rejects == null ? "" : " and " + rows.rejected() + " rejected rows to " + rejects));
            CommonOptions.out.println("rows in " + rowsIn[0] + ", scored " + rows.scored() + ", rejected " + rows.rejected());
            CommonOptions.out.println(String.format(Locale.ROOT, "Read, scored and wrote %d rows in %.1f s: %.0f rows/s",
                    rowsIn[0], seconds, rowsIn[0] / Math.max(seconds, 1e-9)));
            if (truth != null) {
                Map<String, Double> scores = truth.scores();
                StringBuilder line = new StringBuilder("Scores against column '" + target + "':");
                scores.forEach((name, v) -> line.append(String.format(Locale.ROOT, " %s %.5f", name, v)));
                CommonOptions.out.println(line);
            }
        }
        return ExitCodes.OK;
    }

    // Writes one chunk's rows in file order: its unreadable rows and the rows the model refused as bad, the others
    // with their predictions.
    private static void score(AutoMlModel m, Chunk chunk, PredictRows rows, PredictWarnings warnings, ScoreAccumulator truth)
            throws IOException {
        Table table = chunk.table();
        int n = table.rowCount();
        ChunkScorer.Scored s = n == 0 ? new ChunkScorer.Scored(new int[0], null, Map.of()) : ChunkScorer.score(m, table);
        if (n > 0) {
            warnings.add(m.warnings(table), chunk.rows());
        }
        int next = 0;   // next table row
        int good = 0;   // next prediction
        for (CsvChunkReader.Rejected r : chunk.rejected()) {
            while (next < n && chunk.rows()[next] < r.row()) {
                good = writeRow(chunk, next++, s, good, rows);
            }
            rows.bad(r.row(), r.line(), r.fields(), r.reason());
        }
        while (next < n) {
            good = writeRow(chunk, next++, s, good, rows);
        }
        if (truth != null && s.predictions() != null) {
            boolean all = s.good().length == n;
            long[] fileRows = new long[s.good().length];
            int[] lines = new int[s.good().length];
            for (int k = 0; k < fileRows.length; k++) {
                fileRows[k] = chunk.rows()[s.good()[k]];
                lines[k] = chunk.lines()[s.good()[k]];
            }
            truth.add(all ? table : table.rows(s.good()), s.predictions(), fileRows, lines);
        }
    }

    private static int writeRow(Chunk chunk, int row, ChunkScorer.Scored s, int good, PredictRows rows) throws IOException {
        String reason = s.bad().get(row);
        if (reason != null) {
            rows.bad(chunk.rows()[row], chunk.lines()[row], chunk.fields().get(row), reason);
            return good;
        }
        rows.predicted(chunk.fields().get(row), s.predictions(), good);
        return good + 1;
    }

    // The input columns the model reads, checked against the header before any row is read, so that a missing one is
    // one error rather than every row refused.
    private static void checkColumns(AutoMlModel m, List<String> header) {
        Set<String> needed = new LinkedHashSet<>();
        List<String> inputs = new ArrayList<>();
        for (Pipeline.Member member : m.members()) {
            FittedTransform t = member.transform();
            inputs.addAll(t.inputColumns().stream().filter(c -> !inputs.contains(c)).toList());
            try {
                needed.addAll(t.featureSources());
            } catch (UnsupportedOperationException e) {
                needed.addAll(t.inputColumns());
            }
        }
        List<String> missing = needed.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input columns " + missing + " are missing from the data; the model needs "
                    + inputs + " and got " + header);
        }
    }

    // Columns the model reads as numbers: in them, and only in them, an infinite value is refused (or missing).
    private static Set<String> numericInputs(AutoMlModel m) {
        Set<String> out = new LinkedHashSet<>();
        for (Pipeline.Member member : m.members()) {
            member.transform().report().kinds().forEach((column, kind) -> {
                if ("numeric".equals(kind)) {
                    out.add(column);
                }
            });
        }
        return out;
    }

    // The option's value as given on the command line, or the path's text when it was not parsed from one.
    private String typed(String option, Path parsed) {
        picocli.CommandLine.Model.OptionSpec o = spec.commandLine().getParseResult().matchedOption(option);
        List<String> given = o == null ? List.of() : o.originalStringValues();
        return given.isEmpty() ? parsed.toString() : given.get(given.size() - 1);
    }

    private int[] keptColumns(List<String> header) {
        int[] out = new int[keep.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = header.indexOf(keep.get(k));
            if (out[k] < 0) {
                throw new UsageException("--keep: column '" + keep.get(k) + "' not found in " + data + "; columns are " + header);
            }
        }
        return out;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
