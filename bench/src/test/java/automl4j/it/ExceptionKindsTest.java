package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import automl4j.AutoMl;
import automl4j.AutoMlException;
import automl4j.AutoMlModel;
import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.EncodedTarget;
import automl4j.data.TaskData;
import automl4j.datasets.CsvReader;
import automl4j.datasets.DataFormatException;
import automl4j.datasets.DefaultDataset;
import automl4j.datasets.ReadOptions;
import automl4j.export.ModelFileException;
import automl4j.featurizers.ColumnKind;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.journal.JournalException;
import automl4j.metric.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Issue 18 item 5: every error a user of the public API can cause by configuration, data or a model file is an
 * {@link AutoMlException} of the right kind, whose message names the key, the column or the file; mistakes in calling
 * code stay {@link IllegalArgumentException} and {@link NullPointerException}.
 */
class ExceptionKindsTest {
    private static final Path GOLDEN = GoldenExportTest.GOLDEN;

    @TempDir
    Path dir;

    /** What {@code call} throws, checked to be an {@link AutoMlException} of {@code kind}, caught as the base. */
    private static <T extends AutoMlException> T thrown(Class<T> kind, Executable call) {
        Throwable t = catchThrowable(() -> {
            try {
                call.execute();
            } catch (AutoMlException e) {   // the one catch a user needs for every library error
                throw e;
            } catch (Throwable other) {
                throw new AssertionError("not an AutoMlException: " + other, other);
            }
        });
        assertThat(t).isInstanceOf(kind);
        return kind.cast(t);
    }

    private static Table binary() {
        return Table.create("t", StringColumn.create("x", "a", "b", "a", "b"), StringColumn.create("y", "p", "q", "p", "q"));
    }

    @Test
    void badSettingsAreConfigExceptionsNamingTheKey() {
        ConfigException seconds = thrown(ConfigException.class, () -> AutoMl.builder().seconds(0));
        assertThat(seconds.key()).isEqualTo("budget.seconds");
        assertThat(seconds).hasMessageStartingWith("budget.seconds must be > 0");

        ConfigException rounds = thrown(ConfigException.class, () -> AutoMl.builder().ensembleRounds(-1));
        assertThat(rounds.key()).isEqualTo("search.ensemble_rounds");
        assertThat(rounds).hasMessage("search.ensemble_rounds must be from 0 to 10000, but was -1");

        ConfigException combination = thrown(ConfigException.class, () -> AutoMl.builder().cores(1).threadsPerTrial(2).build());
        assertThat(combination.key()).isEqualTo("threads_per_trial");
        assertThat(combination).hasMessage("threads_per_trial must be <= cores (1), but was 2");

        ConfigException learner = thrown(ConfigException.class, () -> AutoMl.builder().learners("xgbost"));
        assertThat(learner.key()).isEqualTo("search.learners");
        assertThat(learner).hasMessageContaining("learner 'xgbost' is unknown");
    }

    @Test
    void badNamesAndOptionsAreConfigExceptionsNamingTheKey() {
        ConfigException metric = thrown(ConfigException.class, () -> Metrics.forName("f2"));
        assertThat(metric.key()).isEqualTo("metric");
        assertThat(metric).hasMessageStartingWith("metric 'f2' is unknown");

        ConfigException task = thrown(ConfigException.class, () -> TaskData.of(binary(), "y", "ranking", "f.csv"));
        assertThat(task.key()).isEqualTo("data.task");
        assertThat(task).hasMessageContaining("'ranking'");

        ConfigException oneHot = thrown(ConfigException.class, () -> FeaturizerOptions.builder().oneHotMax(1).build());
        assertThat(oneHot.key()).isEqualTo("featurize.one_hot_max");
        assertThat(oneHot).hasMessage("featurize.one_hot_max must be >= 2, but was 1");

        ConfigException kind = thrown(ConfigException.class, () -> ColumnKind.fromLabel("nominal"));
        assertThat(kind.key()).isEqualTo("featurize.kinds");
        assertThat(kind).hasMessageStartingWith("unknown column kind 'nominal'");

        ConfigException decimal = thrown(ConfigException.class, () -> new ReadOptions(null, List.of(), false, ';'));
        assertThat(decimal.key()).isEqualTo("data.decimal");
        assertThat(decimal).hasMessage("decimal mark must be '.' or ',', but was ';'");
    }

    @Test
    void aMetricThatDoesNotFitTheTaskIsAConfigExceptionFromFit() {
        AutoMl automl = AutoMl.builder().metric(Metrics.rmse()).learners("smile-logistic").maxTrials(1).seconds(5).build();
        ConfigException e = thrown(ConfigException.class, () -> automl.fit(TaskData.of(binary(), "y")));
        assertThat(e.key()).isEqualTo("metric");
        assertThat(e).hasMessageStartingWith("metric 'rmse' does not fit task binary");
    }

    @Test
    void badDataIsADataExceptionNamingTheFileColumnAndRow() throws IOException {
        Path absent = dir.resolve("absent.csv");
        DataException missingFile = thrown(DataException.class, () -> CsvReader.comma().read(absent));
        assertThat(missingFile).isInstanceOf(DataFormatException.class).hasMessageContaining(absent.toString());

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        assertThat(thrown(DataException.class, () -> CsvReader.comma().read(ragged))).hasMessageContaining("ragged.csv");

        assertThat(thrown(DataException.class, () -> TaskData.of(binary(), "target")))
                .hasMessageStartingWith("column 'target' not found in table");

        Table oneClass = Table.create("t", StringColumn.create("x", "a", "b"), StringColumn.create("y", "p", "p"));
        assertThat(thrown(DataException.class, () -> TaskData.of(oneClass, "y", null, "one.csv")))
                .hasMessageContaining("target column 'y' in one.csv");

        Table numbers = Table.create("t", StringColumn.create("x", "1", "2", "three", "4"), StringColumn.create("y", "p", "q", "p", "q"));
        TaskData data = TaskData.of(numbers, "y");
        EncodedTarget target = EncodedTarget.of(data);
        TabularFeaturizer declared = new TabularFeaturizer(FeaturizerOptions.builder().kinds(Map.of("x", ColumnKind.NUMERIC)).build());
        assertThat(thrown(DataException.class, () -> declared.fit(numbers, target.rows(), target.target(), target.values())))
                .hasMessage("column 'x' is declared numeric, but row 3 holds 'three'");
    }

    @Test
    void rowsAModelCannotReadAreADataExceptionNamingTheColumn() throws IOException {
        AutoMlModel model = AutoMlModel.load(GOLDEN.resolve("model.automl"));
        Table rows = CsvReader.comma().read(GOLDEN.resolve("input.csv")).removeColumns("tenure_months");
        assertThat(thrown(DataException.class, () -> model.predict(rows))).hasMessageContaining("[tenure_months]");
        assertThat(thrown(DataException.class, () -> model.evaluate(rows)))
                .hasMessageContaining("column '" + model.target().name() + "' not found");
        ConfigException metric = thrown(ConfigException.class, () -> model.score(DefaultDataset.generate(20, 1), Metrics.rmse()));
        assertThat(metric.key()).isEqualTo("metric");
    }

    @Test
    void aModelFileThatCannotBeLoadedIsAModelFileExceptionNamingTheFile() throws IOException {
        Path absent = dir.resolve("absent.automl");
        ModelFileException missing = thrown(ModelFileException.class, () -> AutoMlModel.load(absent));
        assertThat(missing.file()).isEqualTo(absent);
        assertThat(missing).hasMessage(absent + ": does not exist");

        Path text = dir.resolve("text.automl");
        Files.writeString(text, "not a model");
        assertThat(thrown(ModelFileException.class, () -> AutoMlModel.load(text))).hasMessageStartingWith(text + ": is not an AutoML4J model file");
    }

    @Test
    void aJournalThatCannotBeResumedIsAnAutoMlException() {
        Path absent = dir.resolve("journal.jsonl");
        AutoMl automl = AutoMl.builder().journal(absent).build();
        assertThat(thrown(JournalException.class, () -> automl.resume(TaskData.of(binary(), "y")))).hasMessageContaining(absent.toString());
    }

    @Test
    void mistakesInCallingCodeAreNotAutoMlExceptions() {
        assertThatThrownBy(() -> AutoMl.builder().metric(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DefaultDataset.generate(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(AutoMlException.class);
        assertThatThrownBy(() -> AutoMl.builder().build().resume(TaskData.of(binary(), "y"))).isInstanceOf(IllegalStateException.class);
    }
}
