package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives its exit code and a one-line message naming what is wrong; good runs write their files. */
class CliTest {
    @TempDir
    Path dir;

    private String out;
    private String err;
    private Path train;

    record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return new Result(code, out, err);
    }

    @BeforeEach
    void writeTrainingFile() throws IOException {
        train = dir.resolve("train.csv");
        Files.writeString(train, DefaultDataset.generate(200, 1).write().toString("csv"));
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path config(String yaml) throws IOException {
        return file("run.yaml", yaml);
    }

    private Result run(String yaml) throws IOException {
        return cli("run", "--config", config(yaml).toString());
    }

    private static final String OK_DATA = "data:\n  train: train.csv\n  target: churned\n";

    @Test
    void configRunWritesEveryOutputAndPredictScoresNewRows() throws IOException {
        Result r = run(OK_DATA + "budget:\n  seconds: 60\n  max_trials: 5\nsearch:\n  seed: 3\ncores: 2\noutput: out\n");
        assertThat(r.code()).as(r.err()).isZero();
        // Some trial's new-best line is printed; which one comes first depends on timing (trials run on two slots).
        assertThat(r.out()).containsPattern("\\] trial +\\d+ .*new best").contains("Leaderboard").contains("Best: trial");
        Path outDir = dir.resolve("out");
        for (String f : List.of("leaderboard.csv", "model.automl", "importance.csv", "effective-config.yaml", "data-report.txt",
                "guardrails.json")) {
            assertThat(outDir.resolve(f)).exists();
        }
        assertThat(Files.readString(outDir.resolve("effective-config.yaml"))).contains("max_trials: 5").contains("searcher: \"tpe\"")
                .contains("metric: \"auc\"");
        // Five trials and, when it validates best, the ensemble of them.
        List<String> board = Files.readAllLines(outDir.resolve("leaderboard.csv"));
        assertThat(board.stream().skip(1).filter(l -> !l.contains(",ensemble,"))).hasSize(5);
        assertThat(board.get(1)).contains(",ensemble,");
        assertThat(Files.readString(outDir.resolve("effective-config.yaml"))).contains("ensemble_rounds: 50");
        assertThat(r.out()).contains("Data guardrails:").contains("target-leakage");
        assertThat(Files.readString(outDir.resolve("guardrails.json"))).contains("\"check\" : \"class-imbalance\"")
                .contains("\"check\" : \"target-leakage\"");
        assertThat(Files.readString(outDir.resolve("importance.csv"))).contains("tenure_months");

        Path fresh = file("new.csv", DefaultDataset.generate(20, 9).removeColumns(DefaultDataset.TARGET).write().toString("csv"));
        Result p = cli("predict", "--model", outDir.resolve("model.automl").toString(), "--data", fresh.toString(),
                "--out", dir.resolve("preds.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> preds = Files.readAllLines(dir.resolve("preds.csv"));
        assertThat(preds).hasSize(21);
        assertThat(preds.get(0)).isEqualTo("predicted_churned,p_no,p_yes");
        assertThat(p.out()).doesNotContain("Scores against");

        // With the target column, the predictions are also scored.
        Path labelled = file("labelled.csv", DefaultDataset.generate(60, 9).write().toString("csv"));
        Result scored = cli("predict", "--model", outDir.resolve("model.automl").toString(), "--data", labelled.toString(),
                "--out", dir.resolve("preds2.csv").toString());
        assertThat(scored.code()).as(scored.err()).isZero();
        assertThat(scored.out()).containsPattern("Scores against column 'churned': auc 0\\.\\d{5} logloss \\d+\\.\\d{5} accuracy")
                .contains(" f1 ").contains(" mcc ").contains(" balanced_accuracy ");
    }

    @Test
    void featurizeKeysAreReadCheckedAndEchoed() throws IOException {
        Result r = run(OK_DATA + "budget:\n  max_trials: 2\noutput: fz\nfeaturize:\n  kinds: {region: high-cardinality}\n"
                + "  leakage: drop\n  scaling: robust\n  search: false\n");
        assertThat(r.code()).as(r.err()).isZero();
        String effective = Files.readString(dir.resolve("fz").resolve("effective-config.yaml"));
        assertThat(effective).contains("region: \"high-cardinality\"").contains("leakage: \"drop\"").contains("scaling: \"robust\"")
                .contains("search: false");
        assertThat(Files.readString(dir.resolve("fz").resolve("data-report.txt"))).contains("column 'region': high-cardinality");
        assertThat(run(OK_DATA + "featurize:\n  scaling: minmax\n").code()).isEqualTo(2);
        assertThat(err).contains("config key 'featurize.scaling' must be one of [standard, robust, none], but was 'minmax'");
        assertThat(run(OK_DATA + "featurize:\n  kinds: {region: nominal}\n").code()).isEqualTo(2);
        assertThat(err).contains("config key 'featurize.kinds.region': unknown column kind 'nominal'");
        assertThat(run(OK_DATA + "featurize:\n  one_hot_max: 1\n").code()).isEqualTo(2);
        assertThat(err).contains("config key 'featurize.one_hot_max' must be >= 2, but was 1");
        assertThat(run(OK_DATA + "budget:\n  max_trials: 1\nfeaturize:\n  kinds: {regoin: text}\n").code()).isEqualTo(3);
        assertThat(err).contains("a column kind is given for 'regoin', which is not in the table");
    }

    @Test
    void gpuTrialsRunsTheSearchWithAndWithoutGpusAndCountsXgboostTrials() throws IOException {
        Path csv = dir.resolve("gpu.csv");
        Result r = cli("gpu-trials", "--rows", "400", "--features", "4", "--budget", "3", "--cores", "1", "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("mode,trials,xgboost_trials,xgboost_on_gpu,best_auc,seconds");
        assertThat(lines.get(1)).startsWith("gpu,");
        assertThat(lines.get(2)).startsWith("cpu,");
        assertThat(Integer.parseInt(lines.get(2).split(",")[2])).isPositive();
        assertThat(lines.get(2).split(",")[3]).isEqualTo("0");
        assertThat(cli("gpu-trials", "--only", "tpu").code()).isEqualTo(2);
    }

    @Test
    void gpusKeyIsCheckedAndEchoed() throws IOException {
        Result r = run(OK_DATA + "budget:\n  max_trials: 2\noutput: g\ngpus: none\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("g").resolve("effective-config.yaml"))).contains("gpus: \"none\"");
        assertThat(run(OK_DATA + "gpus: all\n").code()).isEqualTo(2);
        assertThat(err).contains("config key 'gpus' must be one of [auto, none], but was 'all'");
    }

    @Test
    void checkPrintsKindsAndGuardrailsWithoutASearch() throws IOException {
        Result r = cli("check", "--data", train.toString(), "--target", "churned", "--out", dir.resolve("chk").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Column kinds:").contains("customer_id").contains("Data guardrails:").contains("duplicate-rows");
        assertThat(dir.resolve("chk").resolve("guardrails.json")).exists();
        assertThat(cli("check", "--data", train.toString()).code()).isEqualTo(2);
        assertThat(err).contains("give --config, or both --data and --target");
    }

    @Test
    void badConfigsExitWithTwoAndNameTheKey() throws IOException {
        assertThat(run(OK_DATA + "budget:\n  second: 5\n").code()).isEqualTo(2);
        assertThat(err).contains("config key 'budget.second' is unknown; did you mean 'budget.seconds'?");
        assertThat(run(OK_DATA + "budget:\n  max_trials: 2.5\n").code()).isEqualTo(2);
        assertThat(err).contains("'budget.max_trials' must be an integer, but was 2.5");
        assertThat(run(OK_DATA + "budget:\n  seconds: 0\n").code()).isEqualTo(2);
        assertThat(err).contains("'budget.seconds' must be > 0");
        assertThat(run(OK_DATA + "budget:\n  seconds: -3\n").code()).isEqualTo(2);
        assertThat(run(OK_DATA + "cores: two\n").code()).isEqualTo(2);
        assertThat(err).contains("'cores' must be an integer");
        assertThat(run(OK_DATA + "search:\n  learners: [xgboost, gbm]\n").code()).isEqualTo(2);
        assertThat(err).contains("learner 'gbm' is unknown").contains("xgboost");
        assertThat(run(OK_DATA + "metric: f2\n").code()).isEqualTo(2);
        assertThat(err).contains("metric 'f2' is unknown").contains("balanced_accuracy");
        assertThat(run(OK_DATA + "metric: rmse\n").code()).isEqualTo(2);
        assertThat(err).contains("metric 'rmse' does not fit task binary");
        assertThat(run(OK_DATA + "search:\n  searcher: grid\n").code()).isEqualTo(2);
        assertThat(err).contains("searcher 'grid' is unknown");
        assertThat(run(OK_DATA + "metric: auc\nmetric: rmse\n").code()).isEqualTo(2);
        assertThat(err).contains("Duplicate field 'metric'");
        assertThat(run("data:\n  target: churned\n").code()).isEqualTo(2);
        assertThat(err).contains("'data.train' is required");
        assertThat(run("data:\n  train: train.csv\n  target: churned\n  task: ranking\n").code()).isEqualTo(2);
        assertThat(err).contains("'data.task' must be one of");
        assertThat(cli("run", "--config", dir.resolve("absent.yaml").toString()).code()).isEqualTo(2);
        assertThat(err).contains("absent.yaml does not exist");
        assertThat(cli("run").code()).isEqualTo(2);
        assertThat(err).contains("give either --config FILE (a new run) or --resume FOLDER");
        assertThat(cli("frobnicate").code()).isEqualTo(2);
        assertThat(err).doesNotContain("at automl4j");
    }

    @Test
    void badDataExitsWithThreeAndNamesFileLineOrColumn() throws IOException {
        String budget = "budget:\n  max_trials: 2\n";
        file("empty.csv", "");
        assertThat(run("data:\n  train: empty.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("empty.csv is empty");
        file("header.csv", "a,y\n");
        assertThat(run("data:\n  train: header.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("header.csv has a header but no data rows");
        file("ragged.csv", "a,y\n1,x\n2\n");
        assertThat(run("data:\n  train: ragged.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("ragged.csv, line 3: expected 2 fields");
        file("dup.csv", "a,a,y\n1,2,x\n");
        assertThat(run("data:\n  train: dup.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("duplicate column name 'a'");
        assertThat(run("data:\n  train: missing.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("missing.csv does not exist");
        assertThat(run("data:\n  train: train.csv\n  target: churn\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("column 'churn' not found in train.csv; columns are [customer_id, age");
        file("nolabel.csv", "a,y\n1,\n2,\n");
        assertThat(run("data:\n  train: nolabel.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("target column 'y' in nolabel.csv has only missing values");
        file("oneclass.csv", "a,y\n1,x\n2,x\n");
        assertThat(run("data:\n  train: oneclass.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("must have at least 2 distinct values, but has only 'x'");
        file("reg.csv", "a,y\n1,2.5\n2,3.5\n3,abc\n4,1\n");
        assertThat(run("data:\n  train: reg.csv\n  target: y\n  task: regression\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("must hold finite numbers for regression, but row 3 has 'abc'");
        file("inf.csv", "a,y\n1,x\n1e999,z\n3,x\n4,z\n");
        assertThat(run("data:\n  train: inf.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("inf.csv, row 2 (line 3), column 'a': '1e999' is an infinite number");
        file("allmissing.csv", "a,y\n,x\n,z\n,x\n");
        assertThat(run("data:\n  train: allmissing.csv\n  target: y\n" + budget).code()).isEqualTo(3);
        assertThat(err).contains("no usable feature column").contains("a=all-missing");
        assertThat(err.lines().count()).isEqualTo(1);
    }

    @Test
    void aFeatureOfOnlyMissingValuesIsDroppedAndReported() throws IOException {
        StringBuilder csv = new StringBuilder("a,empty,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i * 7 % 13).append(",,").append(i % 2 == 0 ? "x" : "z").append('\n');
        }
        file("partly.csv", csv.toString());
        Result r = run("data:\n  train: partly.csv\n  target: y\nbudget:\n  max_trials: 2\noutput: o2\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("column 'empty' has only missing values; dropped");
    }

    @Test
    void predictWithAMissingColumnOrABadModelFileIsNamed() throws IOException {
        Result r = run(OK_DATA + "budget:\n  max_trials: 2\noutput: o3\n");
        assertThat(r.code()).as(r.err()).isZero();
        Path model = dir.resolve("o3/model.automl");
        Path partial = file("partial.csv", "age,plan\n30,basic\n");
        assertThat(cli("predict", "--model", model.toString(), "--data", partial.toString(), "--out", dir.resolve("p.csv").toString()).code())
                .isEqualTo(3);
        assertThat(err).contains("are missing from the data").contains("tenure_months");
        Path bogus = file("bogus.automl", "not a zip");
        assertThat(cli("predict", "--model", bogus.toString(), "--data", partial.toString(), "--out", dir.resolve("p.csv").toString()).code())
                .isEqualTo(2);
        assertThat(err).contains("bogus.automl: is not an AutoML4J model file");
    }

    @Test
    void aTestSetIsScoredAndTheReportIsWrittenAndRebuilt() throws IOException {
        file("test.csv", DefaultDataset.generate(150, 2).write().toString("csv"));
        Result r = run("data:\n  train: train.csv\n  test: test.csv\n  target: churned\n"
                + "budget:\n  seconds: 60\n  max_trials: 5\nsearch:\n  seed: 3\ncores: 2\noutput: out\n");
        assertThat(r.code()).as(r.err()).isZero();
        Path outDir = dir.resolve("out");
        List<String> board = Files.readAllLines(outDir.resolve("leaderboard.csv"));
        assertThat(board.get(0)).endsWith(",test_score");
        // The exported model's row and the other completed trials (at most ten) have a test score.
        assertThat(board.get(1)).matches(".*,0\\.\\d+$");
        assertThat(board.stream().skip(1).filter(l -> l.matches(".*,0\\.\\d+$")).count()).isGreaterThanOrEqualTo(2);
        assertThat(r.out()).containsPattern("validation auc 0\\.\\d{5}, test 0\\.\\d{5}").contains("on held-out rows of 5 of 5 splits");
        assertThat(Files.readString(outDir.resolve("effective-config.yaml"))).contains("test: ");
        // 200 training rows, each held out once by the 5-fold cross-validation.
        assertThat(Files.readAllLines(outDir.resolve("heldout-predictions.csv"))).hasSize(201).first().isEqualTo("row,split,truth,p_no,p_yes");
        assertThat(Files.readString(outDir.resolve("importance.csv"))).startsWith("column,importance,std,ci_low,ci_high,p_value,samples\n");
        String html = Files.readString(outDir.resolve("report.html"));
        assertThat(html).contains("Test score").contains("Confusion matrix").contains("Correlation of the best trials").contains("<svg").doesNotContainPattern("(src|href)=\"https?:");

        Result again = cli("report", outDir.toString(), "--out", dir.resolve("again.html").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again.html"))).contains("Test score").contains("Leaderboard").contains("Confusion matrix")
                .contains("class-imbalance");

        Path labelled = file("labelled.csv", DefaultDataset.generate(120, 9).write().toString("csv"));
        Result onData = cli("report", "--model", outDir.resolve("model.automl").toString(), "--data", labelled.toString(),
                "--out", dir.resolve("model.html").toString());
        assertThat(onData.code()).as(onData.err()).isZero();
        assertThat(Files.readString(dir.resolve("model.html"))).contains("labelled rows of labelled.csv").contains("Confusion matrix");

        assertThat(cli("report").code()).isEqualTo(2);
        assertThat(err).contains("give either a run folder");
        Path unlabelled = file("unlabelled.csv", DefaultDataset.generate(20, 9).removeColumns(DefaultDataset.TARGET).write().toString("csv"));
        assertThat(cli("report", "--model", outDir.resolve("model.automl").toString(), "--data", unlabelled.toString(),
                "--out", dir.resolve("x.html").toString()).code()).isEqualTo(3);
        assertThat(err).contains("target column 'churned'");
    }

    @Test
    void aTestFileWithoutTheTargetColumnIsRefusedBeforeTheRun() throws IOException {
        file("test.csv", DefaultDataset.generate(30, 2).removeColumns(DefaultDataset.TARGET).write().toString("csv"));
        Result r = run("data:\n  train: train.csv\n  test: test.csv\n  target: churned\nbudget:\n  seconds: 5\noutput: out\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("data.test").contains("target column 'churned'");
        assertThat(dir.resolve("out")).doesNotExist();

        file("test.csv", DefaultDataset.generate(30, 2).removeColumns("age").write().toString("csv"));
        r = run("data:\n  train: train.csv\n  test: test.csv\n  target: churned\nbudget:\n  seconds: 5\noutput: out\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("config key 'data.test': the test table test.csv lacks the training columns [age]");

        tech.tablesaw.api.Table unknown = DefaultDataset.generate(30, 2);
        unknown.stringColumn(DefaultDataset.TARGET).set(4, "maybe");
        file("test.csv", unknown.write().toString("csv"));
        r = run("data:\n  train: train.csv\n  test: test.csv\n  target: churned\nbudget:\n  seconds: 5\noutput: out\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("config key 'data.test'").contains("maybe");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void helpDocumentsEveryCommand() {
        assertThat(cli("--help").code()).isZero();
        assertThat(out).contains("run").contains("demo").contains("predict").contains("bench").contains("Exit codes");
        assertThat(cli("bench", "--help").code()).isZero();
        assertThat(out).contains("--suite").contains("--folds").contains("--datasets").contains("--budget");
    }
}
