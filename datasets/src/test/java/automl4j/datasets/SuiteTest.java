package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {
    static final Path SHARED_SUITE = Path.of("../../shared/datasets/suite.json");

    @TempDir
    Path dir;

    @Test
    void skipsForecastingAndResolvesPaths() throws IOException {
        Files.writeString(dir.resolve("suite.json"), """
                {"datasets": [
                  {"name": "a", "file": "a.csv", "task": "binary", "target": "y", "folds_file": "a.folds"},
                  {"name": "s", "file": "s.csv", "task": "forecasting", "target": "v"}
                ]}""");
        List<SuiteEntry> entries = Suite.read(dir.resolve("suite.json"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).task()).isEqualTo("binary");
        assertThat(entries.get(0).file()).isEqualTo(dir.toAbsolutePath().resolve("a.csv"));
    }

    @Test
    void foldsFileIsChecked() throws IOException {
        Path f = dir.resolve("x.folds");
        Files.writeString(f, "0\n1\n7\n");
        assertThatThrownBy(() -> Suite.readFolds(f, 3)).hasMessageContaining("x.folds, line 3").hasMessageContaining("'7'");
        Files.writeString(f, "0\n1\n");
        assertThatThrownBy(() -> Suite.readFolds(f, 3)).hasMessageContaining("has 2 fold ids but the data has 3 rows");
    }

    @Test
    void readsTheSharedSuiteWhenPresent() {
        assumeTrue(Files.exists(SHARED_SUITE), "../shared/datasets is not beside the project");
        List<SuiteEntry> entries = Suite.read(SHARED_SUITE);
        assertThat(entries).isNotEmpty().noneMatch(e -> e.name().equals("airline-passengers"));
        SuiteEntry iris = entries.stream().filter(e -> e.name().equals("iris")).findFirst().orElseThrow();
        var table = CsvReader.comma().read(iris.file());
        assertThat(Suite.readFolds(iris.foldsFile(), table.rowCount())).hasSize(150);
    }
}
