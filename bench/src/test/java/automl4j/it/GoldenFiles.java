package automl4j.it;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** The golden model files of format version 2 and the predictions each made when written. */
final class GoldenFiles {
    static final Path V1 = Path.of("src/test/resources/golden/export-v1");
    static final Path V2 = Path.of("src/test/resources/golden/export-v2");
    /** The version-2 files, by name without {@code .automl}. */
    static final List<String> V2_NAMES = List.of("xgboost", "tribuo-linear-sgd", "tribuo-extra-trees", "smile-random-forest",
            "smile-logistic", "smile-knn", "ensemble", "xgboost-regression", "tribuo-linear-sgd-regression");

    private GoldenFiles() {
    }

    /** Rows the golden predictions are made for (with the target, which models ignore). */
    static Table input() {
        return DefaultDataset.generate(30, 11);
    }

    /** One line per input row: the label and probabilities, or the value, exactly as Java prints doubles. */
    static List<String> predictionLines(AutoMlModel m) {
        Predictions p = m.predict(input());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.task() instanceof Classification) {
                StringBuilder b = new StringBuilder(p.label(i));
                for (double v : p.probabilities(i)) {
                    b.append(',').append(v);
                }
                lines.add(b.toString());
            } else {
                lines.add(Double.toString(p.value(i)));
            }
        }
        return lines;
    }
}
