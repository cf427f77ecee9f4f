package automl4j.scoring;

import automl4j.datasets.DefaultDataset;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden model files of format versions 1 and 2 (bench's {@code golden/export-v1} and {@code export-v2}: one per
 * learner, an ensemble, two regressions) predict in {@link ScoringModel} exactly what the engine predicted when it
 * wrote them, printed as Java prints doubles, as bench's {@code GoldenExportTest} checks for the engine.
 */
class ScoringGoldenFilesTest {
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden");
    private static final List<String> V2_NAMES = List.of("xgboost", "tribuo-linear-sgd", "tribuo-extra-trees",
            "smile-random-forest", "smile-logistic", "smile-knn", "ensemble", "xgboost-regression",
            "tribuo-linear-sgd-regression");

    @Test
    void versionOneFilePredictsWhatItPredictedWhenWritten() throws IOException {
        ScoringModel model = ScoringModel.load(GOLDEN.resolve("export-v1/model.automl"));
        List<String> input = Files.readAllLines(GOLDEN.resolve("export-v1/input.csv"));
        String[] header = input.get(0).split(",", -1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : input.subList(1, input.size())) {
            // The CSV has no quoted cells; every cell is text, as the engine's CSV reader gives it.
            String[] cells = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        List<String> expected = Files.readAllLines(GOLDEN.resolve("export-v1/expected.csv"));
        assertThat(lines(model.predictRows(rows))).isEqualTo(expected.subList(1, expected.size()));
        assertThat(model.metadata().formatVersion()).isEqualTo(1);
    }

    @Test
    void versionTwoFilesOfEveryLearnerPredictWhatTheyPredictedWhenWritten() throws IOException {
        Table input = DefaultDataset.generate(30, 11);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < input.rowCount(); r++) {
            rows.add(EngineTables.row(input, r));
        }
        for (String name : V2_NAMES) {
            ScoringModel model = ScoringModel.load(GOLDEN.resolve("export-v2/" + name + ".automl"));
            assertThat(lines(model.predictRows(rows))).as(name)
                    .isEqualTo(Files.readAllLines(GOLDEN.resolve("export-v2/" + name + ".expected")));
            assertThat(model.metadata().formatVersion()).as(name).isEqualTo(2);
        }
    }

    private static List<String> lines(BatchPredictions p) {
        List<String> out = new ArrayList<>();
        for (Prediction one : p) {
            if (one.isClassification()) {
                StringBuilder b = new StringBuilder(one.label());
                for (double v : one.probabilities()) {
                    b.append(',').append(v);
                }
                out.add(b.toString());
            } else {
                out.add(Double.toString(one.value()));
            }
        }
        return out;
    }
}
