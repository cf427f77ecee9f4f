package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Makes output folders that look like those of a killed run: a journal without its last line, run_finished. */
final class KilledRuns {
    /** A small, quick run: two in-process trials of one learner, no ensemble, into {@code out}. */
    static String config(String out) {
        return "data:\n  train: train.csv\n  target: " + DefaultDataset.TARGET + "\nbudget:\n  seconds: 60\n  max_trials: 2\n"
                + "search:\n  learners: [smile-logistic]\n  seed: 4\n  portfolio: false\n  ensemble_rounds: 0\n"
                + "cores: 1\nisolation: in_process\noutput: " + out + "\n";
    }

    private KilledRuns() {
    }

    /** Writes train.csv into the harness folder (200 rows of the churn table). */
    static void writeData(CliHarness cli) throws IOException {
        cli.file("train.csv", DefaultDataset.generate(200, 1).write().toString("csv"));
    }

    /** Runs {@link #config} into {@code out} in the harness folder, then cuts its journal's last line; returns the folder. */
    static Path make(CliHarness cli, String out) throws IOException {
        CliHarness.Result r = cli.cli("run", "--config", cli.file("killed.yaml", config(out)).toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path journal = cli.dir().resolve(out).resolve(RunExecution.JOURNAL_FILE);
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines.get(lines.size() - 1)).contains("run_finished");
        Files.write(journal, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        return cli.dir().resolve(out);
    }
}
