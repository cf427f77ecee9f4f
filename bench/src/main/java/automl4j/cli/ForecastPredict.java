package automl4j.cli;

import automl4j.datasets.ReadOptions;
import automl4j.datasets.TableFiles;
import automl4j.export.ModelFileException;
import automl4j.forecast.ForecastModel;
import automl4j.forecast.ForecastTable;
import automl4j.forecast.Forecasters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code automl predict} with a forecast model: reads the history table, forecasts the model's horizon after the end of
 * each series in it, and writes the forecasts (with intervals and quantiles) as CSV.
 */
final class ForecastPredict {
    private ForecastPredict() {
    }

    static int run(Path modelFile, Path data, Path future, Path out, ReadOptions read, PrintStream print) throws IOException {
        ForecastModel model;
        try {
            model = ForecastModel.load(modelFile, Forecasters.lookup());
        } catch (ModelFileException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        if (!Files.isRegularFile(data)) {
            throw new UsageException("--data " + data + ": no such file");
        }
        long start = System.nanoTime();
        if (future != null && !Files.isRegularFile(future)) {
            throw new UsageException("--future " + future + ": no such file");
        }
        if (future == null && !model.covariates().known().isEmpty()) {
            print.println("Note: the model reads the known covariates " + model.covariates().known() + " for the horizon; "
                    + "without --future they must be in the rows of --data past each series' last value");
        }
        ForecastTable table = model.forecast(TableFiles.read(data, read), data.getFileName().toString(),
                future == null ? null : TableFiles.read(future, read), future == null ? null : future.getFileName().toString());
        table.writeCsv(out);
        table.notes().forEach(n -> print.println("Note: " + n));
        print.printf(java.util.Locale.ROOT, "Wrote %d forecasts (%d periods ahead) of %d series to %s in %.1f s%n",
                table.rows().size(), model.horizon(), table.rows().size() / model.horizon(), out, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
