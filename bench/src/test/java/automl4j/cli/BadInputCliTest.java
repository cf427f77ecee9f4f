package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, part 4: each bad input of a new user gives the right exit code and a one-line message naming the file, row,
 * column or config key; numbers written oddly are read as documented, not silently as categories.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    private CliHarness h;

    @BeforeEach
    void harness() {
        h = new CliHarness(dir);
    }

    /** 200 rows of a,b,y with column a's cell in row i (0-based) given by {@code a}. */
    private Path table(String name, IntFunction<String> a) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 200; i++) {
            csv.append(a.apply(i)).append(',').append("pqr".charAt(i % 3)).append(',').append((i * 7 / 3) % 2 == 0 ? "x" : "z")
                    .append('\n');
        }
        return h.file(name, csv.toString());
    }

    private static String number(int i) {
        return String.format(Locale.ROOT, "%.2f", (i * 37 % 101) / 10.0 - 4);
    }

    private CliHarness.Result check(Path data, String... options) {
        String[] args = new String[5 + options.length];
        args[0] = "check";
        args[1] = "--data";
        args[2] = data.toString();
        args[3] = "--target";
        args[4] = "y";
        System.arraycopy(options, 0, args, 5, options.length);
        return h.cli(args);
    }

    private static void assertOneLine(CliHarness.Result r) {
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("java.lang").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void infinityInANumericColumnIsAnErrorNamingFileRowAndColumn() throws IOException {
        for (String inf : new String[] {"Infinity", "-Infinity", "1e400"}) {
            Path data = table("inf.csv", i -> i == 5 ? inf : number(i));
            CliHarness.Result r = check(data);
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("inf.csv, row 6 (line 7), column 'a': '" + inf + "' is an infinite number")
                    .contains("data.infinity: missing");
            assertOneLine(r);
        }
        CliHarness.Result run = h.run("data:\n  train: inf.csv\n  target: y\nbudget:\n  max_trials: 1\n");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("inf.csv, row 6 (line 7), column 'a': '1e400' is an infinite number");
    }

    @Test
    void infinityCanBeReadAsMissingByConfigOrOption() throws IOException {
        table("inf.csv", i -> i == 5 ? "-inf" : number(i));
        h.file("run.yaml", "data:\n  train: inf.csv\n  target: y\n  infinity: missing\n");
        CliHarness.Result r = h.cli("check", "--config", dir.resolve("run.yaml").toString(), "--out", dir.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("a +numeric").contains("missing values in a 1 (0.5%)");
        assertThat(check(dir.resolve("inf.csv"), "--infinity", "missing").code()).isZero();
        assertThat(check(dir.resolve("inf.csv"), "--infinity", "zero").code()).isEqualTo(2);
        assertThat(h.err()).contains("--infinity must be one of [error, missing], but was 'zero'");
        h.file("bad.yaml", "data:\n  train: inf.csv\n  target: y\n  infinity: skip\n");
        assertThat(h.cli("check", "--config", dir.resolve("bad.yaml").toString()).code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'data.infinity' must be one of [error, missing], but was 'skip'");
    }

    @Test
    void aFewNonNumericCellsAreAnAlertAndMissingNotACategoricalColumn() throws IOException {
        Path data = table("nan.csv", i -> i == 3 || i == 50 || i == 99 ? "NaN" : number(i));
        CliHarness.Result r = check(data, "--out", dir.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("a +numeric")
                .contains("alert   non-numeric-cells")
                .contains("column 'a': 3 of 200 training cells (1.5%), e.g. 'NaN' (row 4), 'NaN' (row 51), 'NaN' (row 100)")
                .contains("missing values in a 3 (1.5%)");
        assertThat(Files.readString(dir.resolve("c").resolve("guardrails.json"))).contains("\"check\" : \"non-numeric-cells\"");
        // More than the documented 5% of non-numbers: a column of categories, as before.
        Path words = table("words.csv", i -> i % 10 == 0 ? "none" : number(i));
        assertThat(check(words).code()).isZero();
        assertThat(h.out()).doesNotContainPattern("a +numeric").doesNotContain("non-numeric-cells");
    }

    @Test
    void aColumnReadWithNonNumericCellsTrainsAndPredictsWithThemAsMissing() throws IOException {
        // One cell: the validation fold that holds it was fitted on training rows that are all numbers.
        table("one.csv", i -> i == 17 ? "NaN" : number(i));
        CliHarness.Result one = h.run("data:\n  train: one.csv\n  target: y\nbudget:\n  max_trials: 2\nsearch:\n  learners: "
                + "[smile-logistic]\n  ensemble_rounds: 0\ncores: 1\noutput: o1\n");
        assertThat(one.code()).as(one.err()).isZero();
        table("nan.csv", i -> i % 50 == 7 ? "n/a" : number(i));
        CliHarness.Result r = h.run("data:\n  train: nan.csv\n  target: y\nbudget:\n  max_trials: 1\nsearch:\n  learners: "
                + "[smile-logistic]\n  ensemble_rounds: 0\ncores: 1\noutput: o\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("non-numeric-cells");
        Path fresh = h.file("new.csv", "a,b\n1.5,p\nn/a,q\nNaN,r\n");
        CliHarness.Result p = h.cli("predict", "--model", dir.resolve("o/model.automl").toString(), "--data", fresh.toString(),
                "--out", dir.resolve("preds.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("preds.csv"))).hasSize(4);
        assertThat(p.err()).contains("automl: warning: column 'a': 2 cells are not numbers and are read as missing, e.g. "
                + "'n/a' (row 2), 'NaN' (row 3)");
        Path semi = h.file("new-semi.csv", "a;b\n1,5;p\nNA;q\n");
        CliHarness.Result ps = h.cli("predict", "--model", dir.resolve("o/model.automl").toString(), "--data", semi.toString(),
                "--out", dir.resolve("preds2.csv").toString());
        assertThat(ps.code()).isEqualTo(3);
        assertThat(ps.err()).contains("new-semi.csv, line 1: the header has no ',' but has ';'");
        ps = h.cli("predict", "--model", dir.resolve("o/model.automl").toString(), "--data", semi.toString(), "--separator", ";",
                "--decimal", ",", "--missing-values", "NA", "--out", dir.resolve("preds2.csv").toString());
        assertThat(ps.code()).as(ps.err()).isZero();
        assertThat(ps.err()).doesNotContain("warning");   // 1,5 read as 1.5 and NA as missing: no cell that is not a number
        assertThat(Files.readAllLines(dir.resolve("preds2.csv"))).hasSize(3);
    }

    @Test
    void aNumericColumnWithTooManyMissingTokensIsNotSilentlyCategorical() throws IOException {
        Path data = table("na.csv", i -> i % 17 == 0 ? "NA" : number(i));   // 12 of 200 cells: over the 5% read as missing
        CliHarness.Result r = check(data);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("alert   mostly-numeric").contains("column 'a' (high-cardinality): 94.0% numbers; "
                + "other values 'NA' (12)").contains("data.missing_values");
        assertThat(check(data, "--missing-values", "NA").code()).isZero();
        assertThat(h.out()).containsPattern("a +numeric").doesNotContain("mostly-numeric");
    }

    @Test
    void decimalCommasGetAnAlertAndDataDecimalReadsThem() throws IOException {
        Path data = table("comma.csv", i -> "\"" + number(i).replace('.', ',') + "\"");
        CliHarness.Result r = check(data);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("alert   decimal-comma").contains("columns 'a' (e.g. '-4,00' (row 1))")
                .contains("set data.decimal: \",\"");
        assertThat(check(data, "--decimal", ",").code()).isZero();
        assertThat(h.out()).containsPattern("a +numeric").doesNotContain("decimal-comma");
        h.file("run.yaml", "data:\n  train: comma.csv\n  target: y\n  decimal: \",\"\n");
        assertThat(h.cli("check", "--config", dir.resolve("run.yaml").toString()).code()).isZero();
        assertThat(h.out()).containsPattern("a +numeric");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFy,a,b\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3 == 0 ? "x" : "z").append(',').append(number(i)).append(',').append("pq".charAt(i % 2)).append('\n');
        }
        Files.write(dir.resolve("bom.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        CliHarness.Result r = h.run("data:\n  train: bom.csv\n  target: y\nbudget:\n  max_trials: 1\nsearch:\n  learners: "
                + "[smile-logistic]\n  ensemble_rounds: 0\ncores: 1\noutput: o\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("o/importance.csv"))).doesNotContain("\uFEFF");
    }

    @Test
    void anotherSeparatorIsNamedAndDataSeparatorReadsIt() throws IOException {
        StringBuilder semi = new StringBuilder("a;b;y\n");
        StringBuilder tab = new StringBuilder("a\tb\ty\n");
        for (int i = 0; i < 60; i++) {
            semi.append(number(i)).append(';').append("pq".charAt(i % 2)).append(';').append(i % 3 == 0 ? "x" : "z").append('\n');
            tab.append(number(i)).append('\t').append("pq".charAt(i % 2)).append('\t').append(i % 3 == 0 ? "x" : "z").append('\n');
        }
        Path s = h.file("semi.csv", semi.toString());
        Path t = h.file("tab.csv", tab.toString());
        CliHarness.Result r = h.run("data:\n  train: semi.csv\n  target: y\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("semi.csv, line 1: the header has no ',' but has ';'").contains("data.separator: \";\"");
        assertOneLine(r);
        assertThat(check(t).code()).isEqualTo(3);
        assertThat(h.err()).contains("tab.csv, line 1: the header has no ',' but has '\\t'");
        assertThat(check(s, "--separator", ";").code()).as(h.err()).isZero();
        assertThat(h.out()).containsPattern("a +numeric");
        assertThat(check(t, "--separator", "\\t").code()).as(h.err()).isZero();
        h.file("run.yaml", "data:\n  train: tab.csv\n  target: y\n  separator: \"\\t\"\n");
        assertThat(h.cli("check", "--config", dir.resolve("run.yaml").toString()).code()).as(h.err()).isZero();
        h.file("bad.yaml", "data:\n  train: semi.csv\n  target: y\n  separator: \";;\"\n");
        assertThat(h.cli("check", "--config", dir.resolve("bad.yaml").toString()).code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'data.separator' must be one character");
        assertThat(check(s, "--separator", "ab").code()).isEqualTo(2);
        assertThat(h.err()).contains("--separator must be one character");
    }

    @Test
    void missingValueTokensAreReadAsMissingOnlyWhenGiven() throws IOException {
        Path data = table("na.csv", i -> i % 10 == 0 ? "NA" : i % 10 == 5 ? "?" : number(i));
        assertThat(check(data).code()).isZero();
        assertThat(h.out()).doesNotContainPattern("a +numeric");   // 20% NA and ?: text, as the default says
        assertThat(check(data, "--missing-values", "NA,?").code()).as(h.err()).isZero();
        assertThat(h.out()).containsPattern("a +numeric").contains("missing values in a 40 (20.0%)");
        CliHarness.Result r = h.run("data:\n  train: na.csv\n  target: y\n  missing_values: [NA, \"?\"]\nbudget:\n  max_trials: 1\n"
                + "search:\n  learners: [smile-logistic]\n  ensemble_rounds: 0\ncores: 1\noutput: o\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("o/effective-config.yaml"))).contains("missing_values:\n  - \"NA\"\n  - \"?\"")
                .contains("separator: \",\"").contains("infinity: \"error\"").contains("decimal: \".\"");
        assertThat(h.run("data:\n  train: na.csv\n  target: y\n  missing_values: NA\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'data.missing_values' must be a list of cell texts");
    }

    @Test
    void aConstantRegressionTargetIsBadData() throws IOException {
        table("const.csv", BadInputCliTest::number);
        String csv = Files.readString(dir.resolve("const.csv")).replaceAll(",[xz]\n", ",5\n");
        h.file("const.csv", csv);
        CliHarness.Result r = h.run("data:\n  train: const.csv\n  target: y\n  task: regression\nbudget:\n  max_trials: 1\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("target column 'y' in const.csv must have at least 2 distinct values for regression, but "
                + "has only '5'");
        assertOneLine(r);
    }

    @Test
    void configMessagesNameTheKeyAndWhatIsAllowed() throws IOException {
        table("t.csv", BadInputCliTest::number);
        String data = "data:\n  train: t.csv\n  target: y\n";
        CliHarness.Result r = h.run(data + "budget:\n  seconds: 1e300\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("config key 'budget.seconds' must be > 0 and at most 31536000 (a year), but was 1.0E300");
        assertOneLine(r);
        assertThat(h.run(data + "budget:\n  max_trials: 1\nfeaturize:\n  kinds: {regoin: text}\n").code()).isEqualTo(3);
        assertThat(h.err()).contains("config key 'featurize.kinds.regoin': a column kind is given for 'regoin', which is not in "
                + "the table t.csv; columns are [a, b, y]");
        assertThat(h.run(data + "featurize:\n  kinds: {y: categorical}\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'featurize.kinds.y': column 'y' is the target (data.target)");
        assertThat(h.run("data: train.csv\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'data' must be a mapping with the keys [train, test, target, task, separator,")
                .doesNotContain("gpus");
        assertThat(h.run(data + "budget: 10\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'budget' must be a mapping with the keys [seconds, max_trials], but was 10")
                .doesNotContain("output");
        assertThat(h.run(data + "frobnicate: 1\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'frobnicate' is unknown; automl run --help lists every key");
        assertThat(h.run(data + "search:\n  seed: 123456789012345678901234\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'search.seed' must be an integer from -9223372036854775808 to "
                + "9223372036854775807, but was 123456789012345678901234");
        assertThat(h.run(data + "cores: 100000\n").code()).isEqualTo(2);
        assertThat(h.err()).containsPattern("config key 'cores' must be from 1 to [0-9]+ \\(4 times the [0-9]+ processors of this "
                + "machine\\), but was 100000");
        assertThat(h.run(data + "search:\n  ensemble_rounds: 2000000000\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'search.ensemble_rounds' must be from 0 to 10000, but was 2000000000");
        assertThat(h.run(data + "cores: 9999999999\n").code()).isEqualTo(2);
        assertThat(h.err()).contains("config key 'cores' must be an integer from -2147483648 to 2147483647, but was 9999999999");
        r = h.run(data + "budget:\n  max_trials: 1\nsearch:\n  seed: 1099511627776\n  learners: [smile-logistic]\n"
                + "  ensemble_rounds: 0\ncores: 1\noutput: o\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("o/effective-config.yaml"))).contains("seed: 1099511627776");
    }

    @Test
    void aWrappedExceptionIsReportedByItsOwnMessage() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        // What a fork-join pool hands the caller when a worker thread throws: a copy whose message is the cause's toString.
        IllegalArgumentException cause = new IllegalArgumentException("column 'a' row 3 must be a number, but was 'x'");
        int code = Main.report(new IllegalArgumentException(cause), false, err);
        assertThat(code).isEqualTo(3);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("automl: column 'a' row 3 must be a number, but was 'x'"
                + System.lineSeparator());
    }
}
