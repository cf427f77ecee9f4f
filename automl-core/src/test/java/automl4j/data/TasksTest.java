package automl4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TasksTest {
    private static Table table(String... cells) {
        return Table.create("t", StringColumn.create("y", cells));
    }

    @Test
    void infersBinaryMulticlassAndRegressionFromTheTarget() {
        assertThat(TaskData.of(table("no", "yes", "no"), "y").task()).isEqualTo(new Classification(List.of("no", "yes")));
        assertThat(TaskData.of(table("b", "a", "c"), "y").task().label()).isEqualTo("multiclass");
        Table numbers = Table.create("t", DoubleColumn.create("y", 1.5, 2.5, 3.5));
        assertThat(TaskData.of(numbers, "y").task()).isEqualTo(new Regression());
        Table twoNumbers = Table.create("t", DoubleColumn.create("y", 1, 0, 1));
        assertThat(TaskData.of(twoNumbers, "y").task().classes()).containsExactly("0.0", "1.0");
    }

    @Test
    void aNamedTaskOverridesInference() {
        Table numbers = Table.create("t", DoubleColumn.create("y", 1, 0, 1));
        assertThat(TaskData.of(numbers, "y", "regression", "f.csv").task()).isEqualTo(new Regression());
        assertThat(TaskData.of(table("a", "b"), "y", "MultiClass", "f.csv").task().label()).isEqualTo("binary");
    }

    @Test
    void binaryNeedsExactlyTwoClasses() {
        assertThatThrownBy(() -> TaskData.of(table("a", "b", "c"), "y", "binary", "f.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("task binary needs a target with 2 classes, but 'y' has 3");
    }

    @Test
    void unknownLabelNamesTheKnownOnes() {
        assertThatThrownBy(() -> Tasks.parseLabel("forecast"))
                .hasMessage("task must be one of [binary, multiclass, regression], but was 'forecast'");
    }

    @Test
    void aRecordedLabelAndClassesReadBackAsTheSameTask() {
        for (Task task : List.of(new Classification(List.of("a", "b")), new Classification(List.of("a", "b", "c")), new Regression())) {
            assertThat(Tasks.of(task.label(), task.classes())).isEqualTo(task);
        }
        assertThatThrownBy(() -> Tasks.of("binary", List.of("a", "b", "c")))
                .hasMessage("a binary target needs exactly 2 classes, but had 3");
        assertThatThrownBy(() -> Tasks.of("regression", List.of("a")))
                .hasMessage("a regression target has no classes, but was given [a]");
    }

    @Test
    void eachTaskNamesItsMetricsAndPredictionWidth() {
        Task binary = new Classification(List.of("a", "b"));
        Task multiclass = new Classification(List.of("a", "b", "c"));
        assertThat(List.of(binary.defaultMetric(), multiclass.defaultMetric(), new Regression().defaultMetric()))
                .containsExactly("auc", "logloss", "rmse");
        assertThat(List.of(binary.secondaryMetric(), new Regression().secondaryMetric())).containsExactly("accuracy", "r2");
        assertThat(List.of(binary.predictionWidth(), multiclass.predictionWidth(), new Regression().predictionWidth()))
                .containsExactly(2, 3, 1);
    }

    @Test
    void metricsByLabelMatchTheResolvedTasks() {
        for (Task task : List.of(new Classification(List.of("a", "b")), new Classification(List.of("a", "b", "c")), new Regression())) {
            assertThat(Tasks.defaultMetricOf(task.label())).isEqualTo(task.defaultMetric());
            assertThat(Tasks.secondaryMetricOf(task.label())).isEqualTo(task.secondaryMetric());
        }
    }

    @Test
    void encodesClassesAsIndexesAndRefusesAnUnknownClass() {
        Task task = new Classification(List.of("a", "b"));
        StringColumn y = StringColumn.create("y", "b", "a", "c");
        assertThat(task.encode(y, new int[] {0, 1}, "f.csv")).containsExactly(1, 0);
        assertThatThrownBy(() -> task.encode(y, new int[] {2}, "f.csv"))
                .hasMessage("target column 'y' in f.csv must hold one of [a, b], but row 3 has 'c'");
    }

    @Test
    void regressionRefusesANonNumberNamingTheRow() {
        StringColumn y = StringColumn.create("y", "1.5", "x");
        assertThatThrownBy(() -> new Regression().encode(y, new int[] {0, 1}, "f.csv"))
                .hasMessage("target column 'y' in f.csv must hold finite numbers for regression, but row 2 has 'x'");
    }

    @Test
    void classificationNeedsTwoDistinctClasses() {
        assertThatThrownBy(() -> new Classification(List.of("a")))
                .hasMessage("a classification task needs at least 2 classes, but had [a]");
        assertThatThrownBy(() -> new Classification(List.of("a", "a")))
                .hasMessage("classification classes must be distinct, but were [a, a]");
    }
}
