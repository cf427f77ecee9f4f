package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the bench command on two small shared datasets, one fold, each fold in its own JVM. */
class BenchCommandTest {
    static final Path SUITE = Path.of("../../shared/datasets/suite.json");

    @TempDir
    Path dir;

    @Test
    void writesProtocolRowsAndResumesWithoutRerunning() throws Exception {
        assumeTrue(Files.exists(SUITE), "../shared/datasets is not beside the project");
        Path results = dir.resolve("results.csv");
        String[] args = {"bench", "--suite", SUITE.toString(), "--datasets", "iris,cpu", "--folds", "0", "--budget", "4",
                "--cores", "2", "--heap", "1g", "--out", results.toString()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(results);
        assertThat(lines.get(0)).isEqualTo(FoldResult.HEADER);
        assertThat(lines).hasSize(3);
        List<String> iris = BenchCommand.splitCsv(lines.get(1));
        assertThat(iris.subList(0, 5)).containsExactly("automl4j", "iris", "multiclass", "0", "logloss");
        assertThat(iris.get(13)).as(lines.get(1)).isEqualTo("ok");
        assertThat(Double.parseDouble(iris.get(5))).isBetween(0.0, 0.6);
        assertThat(Double.parseDouble(iris.get(7))).isGreaterThan(0.8);   // accuracy
        List<String> cpu = BenchCommand.splitCsv(lines.get(2));
        assertThat(cpu.subList(0, 5)).containsExactly("automl4j", "cpu", "regression", "0", "rmse");
        assertThat(cpu.get(13)).as(lines.get(2)).isEqualTo("ok");
        assertThat(Files.readAllLines(Path.of(results + ".details.jsonl"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"process_seconds\":").contains("\"fallback\":"));
        // The fold process's wall time as the parent saw it: a JVM start at least, within the budget plus grace and
        // a generous margin for a busy machine.
        assertThat(Double.parseDouble(iris.get(15))).isBetween(0.1, 4.0 + 2.0 + 30.0);
        assertThat(Double.parseDouble(cpu.get(15))).isGreaterThanOrEqualTo(Double.parseDouble(cpu.get(8)));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(Main.run(args, new PrintStream(again, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("iris           fold 0: already in");
        assertThat(Files.readAllLines(results)).hasSize(3);
    }
}
