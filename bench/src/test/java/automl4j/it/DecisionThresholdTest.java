package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.learn.Predictions;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A binary run chooses, stores and applies a decision threshold for f1 or a cost ratio (issue 17). */
class DecisionThresholdTest {
    @TempDir
    Path dir;

    /** About 14 % positives. */
    static Table rare(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DoubleColumn a = DoubleColumn.create("a");
        DoubleColumn b = DoubleColumn.create("b");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            a.append(x1);
            b.append(x2);
            y.append(-2.2 + 1.2 * x1 - 0.8 * x2 + r.nextGaussian() > 0 ? "yes" : "no");
        }
        return Table.create("rare", a, b, y);
    }

    private static AutoMl.Builder builder() {
        return AutoMl.builder().budget(Budget.ofTime(Duration.ofSeconds(60)).withMaxTrials(4)).seed(1).cores(2)
                .learners(java.util.List.of(automl4j.learn.Learners.byId(automl4j.learn.Learners.discovered()).get("smile-logistic")));
    }

    @Test
    void f1ChoosesALowerThresholdThatTheModelFileKeeps() throws Exception {
        AutoMlRun run = builder().metric(Metrics.forName("f1")).build().fit(TaskData.of(rare(1500, 3), "y"));
        AutoMlModel model = run.best();
        assertThat(model.decisionThreshold()).isPresent();
        double t = model.decisionThreshold().get().threshold();
        assertThat(t).isLessThan(0.5);
        assertThat(model.decisionThreshold().get().chosenFor()).startsWith("f1 ").contains("at 0.5");

        Table test = rare(2000, 4);
        Predictions p = model.predict(test);
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.label(i)).isEqualTo(p.probability(i, 1) >= t ? "yes" : "no");
        }
        Path file = dir.resolve("m.automl");
        model.exportTo(file);
        AutoMlModel loaded = AutoMlModel.load(file);
        assertThat(loaded.decisionThreshold()).contains(model.decisionThreshold().get());
        assertThat(loaded.predict(test).labels()).isEqualTo(p.labels());
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"format_version\" : 5").contains("\"decision\"");
        }
    }

    @Test
    void anExpensiveFalsePositiveRaisesTheThresholdAndAucLeavesNone() {
        AutoMlRun costly = builder().costRatio(9).build().fit(TaskData.of(rare(1500, 3), "y"));
        assertThat(costly.best().decisionThreshold()).isPresent();
        assertThat(costly.best().decisionThreshold().get().threshold()).isGreaterThan(0.5);
        assertThat(costly.best().decisionThreshold().get().chosenFor()).contains("cost per row at 9");

        AutoMlRun plain = builder().build().fit(TaskData.of(rare(1500, 3), "y"));
        assertThat(plain.best().decisionThreshold()).isEmpty();
    }
}
