package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import automl4j.datasets.TableFiles;
import automl4j.learn.Predictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4: {@code automl predict} reads and writes in chunks and gives the predictions of the whole-file path to
 * the bit, passes {@code --keep} columns through, stops at a bad row naming it or writes it to {@code --rejects}, and
 * accounts for every row.
 */
class PredictStreamTest {
    private static final int CHUNK = 50;
    private static final int ROWS = 2 * CHUNK + 1;

    @TempDir
    static Path dir;

    private static CliHarness h;
    private static Path model;
    private static Path fresh;

    @BeforeAll
    static void trainOnce() throws IOException {
        h = new CliHarness(dir);
        h.file("train.csv", DefaultDataset.generate(300, 1).write().toString("csv"));
        CliHarness.Result r = h.run("data:\n  train: train.csv\n  target: churned\nbudget:\n  seconds: 60\n  max_trials: 4\n"
                + "search:\n  seed: 3\ncores: 2\noutput: out\nfeaturize:\n  kinds: {age: numeric}\n");
        assertThat(r.code()).as(r.err()).isZero();
        model = dir.resolve("out/model.automl");
        fresh = h.file("new.csv", DefaultDataset.generate(ROWS, 9).removeColumns(DefaultDataset.TARGET).write().toString("csv"));
    }

    private static CliHarness.Result predict(String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString()));
        args.addAll(List.of(more));
        return h.cli(args.toArray(String[]::new));
    }

    /** The prediction lines the whole-file path gives: every table read at once and predicted in one call. */
    private static List<String> wholeFile(Path data) throws IOException {
        Predictions p = AutoMlModel.load(model).predict(TableFiles.read(data));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            StringBuilder b = new StringBuilder(p.label(i));
            for (double v : p.probabilities(i)) {
                b.append(',').append(v);   // Double.toString: the shortest text that reads back as the same double
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> body(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size());
    }

    @Test
    void chunksGiveTheWholeFilePredictionsToTheBit() throws IOException {
        Path out = dir.resolve("chunked.csv");
        CliHarness.Result r = predict("--data", fresh.toString(), "--out", out.toString(), "--chunk-rows", String.valueOf(CHUNK));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("predicted_churned,p_no,p_yes");
        assertThat(body(out)).hasSize(ROWS).isEqualTo(wholeFile(fresh));
        assertThat(r.out()).contains("rows in " + ROWS + ", scored " + ROWS + ", rejected 0").containsPattern("\\d+ rows/s");
        Path one = dir.resolve("one-chunk.csv");
        assertThat(predict("--data", fresh.toString(), "--out", one.toString()).code()).isZero();
        assertThat(Files.readAllLines(one)).isEqualTo(Files.readAllLines(out));
    }

    @Test
    void keptColumnsComeFirstAndAnUnknownOneIsAnErrorBeforeReading() throws IOException {
        Path out = dir.resolve("kept.csv");
        CliHarness.Result r = predict("--data", fresh.toString(), "--out", out.toString(), "--keep", "customer_id,region",
                "--chunk-rows", String.valueOf(CHUNK));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("customer_id,region,predicted_churned,p_no,p_yes");
        List<String> input = Files.readAllLines(fresh);
        List<String> whole = wholeFile(fresh);
        for (int i = 1; i <= ROWS; i++) {
            String[] in = input.get(i).split(",", -1);
            assertThat(lines.get(i)).isEqualTo(in[0] + "," + in[6] + "," + whole.get(i - 1));
        }
        Path none = dir.resolve("none.csv");
        CliHarness.Result bad = predict("--data", fresh.toString(), "--out", none.toString(), "--keep", "customer_id,id");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--keep: column 'id' not found in " + fresh + "; columns are [customer_id, age,");
        assertThat(none).doesNotExist();
    }

    /**
     * The fresh file with text in the numeric column age in row 60 (line 61), which the model refuses (age is declared
     * numeric; a column detected numeric would read it as missing), a short row 75 (line 76) and an infinite number in
     * row 90 (line 91), which the reader refuses.
     */
    private static Path withBadRows() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(fresh));
        String[] f = lines.get(60).split(",", -1);
        f[1] = "abc";
        lines.set(60, String.join(",", f));
        lines.set(75, lines.get(75).substring(0, lines.get(75).lastIndexOf(',')));
        f = lines.get(90).split(",", -1);
        f[2] = "1e400";
        lines.set(90, String.join(",", f));
        return h.file("bad.csv", String.join("\n", lines) + "\n");
    }

    @Test
    void aBadRowIsAnErrorNamingItsRowAndLineAndNothingIsWritten() throws IOException {
        Path bad = withBadRows();
        Path out = dir.resolve("stopped.csv");
        CliHarness.Result r = predict("--data", bad.toString(), "--out", out.toString(), "--chunk-rows", String.valueOf(CHUNK));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("automl: " + bad + ", row 60 (line 61): column 'age' must be a number, but was "
                + "'abc'; to write such rows to a file and score the others, use --rejects FILE");
        assertThat(out).doesNotExist();
    }

    @Test
    void rejectedRowsGoToTheirFileWithTheReasonAndEveryRowIsCounted() throws IOException {
        Path bad = withBadRows();
        Path out = dir.resolve("scored.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliHarness.Result r = predict("--data", bad.toString(), "--out", out.toString(), "--rejects", rejects.toString(),
                "--chunk-rows", String.valueOf(CHUNK));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows in " + ROWS + ", scored " + (ROWS - 3) + ", rejected 3");
        List<String> input = Files.readAllLines(bad);
        List<String> rej = Files.readAllLines(rejects);
        assertThat(rej).hasSize(4);
        assertThat(rej.get(0)).isEqualTo(input.get(0) + ",reason");
        assertThat(rej.get(1)).isEqualTo(input.get(60) + ",\"" + bad + ", row 60 (line 61): column 'age' must be a number, but "
                + "was 'abc'\"");
        assertThat(rej.get(2)).isEqualTo(input.get(75) + ",,\"" + bad + ", row 75 (line 76): expected 8 fields as in the header, "
                + "but found 7\"");
        assertThat(rej.get(3)).isEqualTo(input.get(90) + ",\"" + bad + ", row 90 (line 91): column 'tenure_months': '1e400' is an "
                + "infinite number, but numbers must be finite; to read infinities as missing values, use --infinity missing "
                + "(config key data.infinity)\"");
        // The rows scored are predicted as in the whole file, the refused ones found by halving the chunk or not.
        List<String> expected = new ArrayList<>(wholeFile(fresh));
        expected.remove(89);
        expected.remove(74);
        expected.remove(59);
        assertThat(body(out)).isEqualTo(expected);
    }

    @Test
    void theTargetColumnIsScoredAsTheWholeFileScoresIt() throws IOException {
        Path labelled = h.file("labelled.csv", DefaultDataset.generate(ROWS, 4).write().toString("csv"));
        CliHarness.Result r = predict("--data", labelled.toString(), "--out", dir.resolve("l.csv").toString(),
                "--chunk-rows", String.valueOf(CHUNK));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> scores = AutoMlModel.load(model).evaluate(TableFiles.read(labelled));
        StringBuilder line = new StringBuilder("Scores against column 'churned':");
        scores.forEach((name, v) -> line.append(String.format(Locale.ROOT, " %s %.5f", name, v)));
        assertThat(r.out()).contains(line + System.lineSeparator());
    }
}
