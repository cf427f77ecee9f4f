package demo;

import automl4j.scoring.InputColumn;
import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores the first rows of a CSV file (plain, no quoted commas) with automl4j-scoring alone. */
public class App {
    public static void main(String[] args) throws Exception {
        ScoringModel model = ScoringModel.load(Path.of(args[0]));
        System.out.println(model + " " + model.metadata().info());
        for (InputColumn c : model.schema().columns()) {
            System.out.println("  " + c.name() + ": " + c.kind() + (c.used() ? "" : " (not used)")
                    + (c.categories().isEmpty() ? "" : " " + c.categories()));
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, Math.min(6, lines.size()))) {
            String[] cells = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            Prediction p = model.predict(row);
            System.out.println(cells[0] + " -> " + p.label() + " " + (p.isClassification() ? p.probability(p.classes().get(1)) : ""));
        }
        long bytes = 0;
        int jars = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars++;
                bytes += Files.size(Path.of(entry));
            }
        }
        System.out.printf("class path: %d jars, %.2f MB%n", jars, bytes / 1e6);
    }
}
