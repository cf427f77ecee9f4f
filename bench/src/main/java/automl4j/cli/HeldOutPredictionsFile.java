package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.datasets.DataFormatException;
import automl4j.explain.HeldOutImportance;
import automl4j.internal.AtomicFiles;
import automl4j.internal.CsvFields;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.report.RunReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * {@value #FILE}: the chosen model's held-out predictions of the training rows, by its refits on each validation
 * split's training part (the rows held-out importance was measured on), so that {@code automl report DIR} can draw the
 * diagnostics again without refitting. Columns: {@code row} (0-based row of the training file, header not counted),
 * {@code split}, {@code truth}, then {@code p_<class>} per class or {@code predicted}.
 */
final class HeldOutPredictionsFile {
    static final String FILE = "heldout-predictions.csv";

    private HeldOutPredictionsFile() {
    }

    static void write(HeldOutImportance.Result r, AutoMlModel model, Path file) throws IOException {
        List<String> classes = model.target().task() instanceof Classification c ? c.classes() : null;
        AtomicFiles.write(file, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write("row,split,truth");
            if (classes != null) {
                for (String c : classes) {
                    w.write("," + CsvFields.quote("p_" + c));
                }
            } else {
                w.write(",predicted");
            }
            w.newLine();
            for (HeldOutImportance.HeldOutPredictions p : r.predictions()) {
                double[] flat = p.predictions().toFlat();
                int width = classes == null ? 1 : classes.size();
                for (int i = 0; i < p.tableRows().length; i++) {
                    double t = p.truth().get(i);
                    w.write(p.tableRows()[i] + "," + p.split() + "," + (classes != null ? CsvFields.quote(classes.get((int) t)) : Double.toString(t)));
                    for (int k = 0; k < width; k++) {
                        w.write("," + flat[i * width + k]);
                    }
                    w.newLine();
                }
            }
            w.flush();
        });
    }

    /**
     * The rows of {@code file} as the report draws them, with their training rows taken from {@code train}.
     *
     * @throws DataFormatException naming the file and line when a line does not fit the model or the table
     */
    static RunReport.HeldRows read(Path file, AutoMlModel model, Table train) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> classes = model.target().task() instanceof Classification c ? c.classes() : null;
        int width = classes == null ? 1 : classes.size();
        int n = lines.size() - 1;
        int[] rows = new int[n];
        double[] truth = new double[n];
        double[] flat = new double[n * width];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            List<String> f = CsvFields.split(line);
            if (f.size() != 3 + width) {
                throw new DataFormatException(file + " line " + (i + 2) + ": expected " + (3 + width) + " fields, but found " + f.size());
            }
            try {
                rows[i] = Integer.parseInt(f.get(0));
                if (rows[i] < 0 || rows[i] >= train.rowCount()) {
                    throw new DataFormatException(file + " line " + (i + 2) + ": row " + rows[i] + " is not a row of the training data ("
                            + train.rowCount() + " rows)");
                }
                truth[i] = classes != null ? classes.indexOf(f.get(2)) : Double.parseDouble(f.get(2));
                if (truth[i] < 0) {
                    throw new DataFormatException(file + " line " + (i + 2) + ": class '" + f.get(2) + "' is not one of the model's " + classes);
                }
                for (int k = 0; k < width; k++) {
                    flat[i * width + k] = Double.parseDouble(f.get(3 + k));
                }
            } catch (NumberFormatException e) {
                throw new DataFormatException(file + " line " + (i + 2) + ": expected numbers, " + e.getMessage());
            }
        }
        return new RunReport.HeldRows(train.rows(rows), Labels.of(truth), Predictions.ofFlat(model.target().task(), flat),
                "held-out predictions of " + n + " rows, by the model refitted on each validation split's training part (" + file.getFileName() + ")");
    }
}
