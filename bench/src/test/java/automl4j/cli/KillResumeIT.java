package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import automl4j.journal.Journal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills the packaged command-line tool in the middle of a run (SIGKILL) and resumes the run from its folder. */
class KillResumeIT {
    private static final Pattern EVENT = Pattern.compile("\"event\":\"(trial_started|trial_finished)\".*?\"trial\":(\\d+)");

    @TempDir
    Path dir;

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", System.getProperty("automl.jar", "target/automl.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Trial ids by event name, counting repeats. */
    private static Map<String, List<Integer>> events(Path journal) throws IOException {
        Map<String, List<Integer>> out = new HashMap<>();
        out.put("trial_started", new ArrayList<>());
        out.put("trial_finished", new ArrayList<>());
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            Matcher m = EVENT.matcher(line);
            if (m.find() && line.endsWith("}")) {
                out.get(m.group(1)).add(Integer.parseInt(m.group(2)));
            }
        }
        return out;
    }

    @Test
    void aRunKilledWithSigkillResumesWithoutRepeatingFinishedTrials() throws Exception {
        Path train = dir.resolve("train.csv");
        Files.writeString(train, DefaultDataset.generate(1500, 3).write().toString("csv"));
        Path out = dir.resolve("out");
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, String.join("\n", "data:", "  train: train.csv", "  target: " + DefaultDataset.TARGET,
                "budget:", "  seconds: 25", "search:", "  learners: [smile-logistic, xgboost]", "  seed: 2",
                "cores: 2", "output: out", ""));
        Path journal = out.resolve(RunExecution.JOURNAL_FILE);

        Process first = start(dir.resolve("first.log"), "run", "--config", config.toString());
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(journal) || events(journal).get("trial_finished").size() < 5) && System.nanoTime() < waitUntil
                && first.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive()).as("the first run is still searching: %s", Files.readString(dir.resolve("first.log"))).isTrue();
        first.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hook, no flush
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, List<Integer>> atKill = events(journal);
        Set<Integer> finishedBefore = new HashSet<>(atKill.get("trial_finished"));
        Set<Integer> inFlight = new HashSet<>(atKill.get("trial_started"));
        inFlight.removeAll(finishedBefore);
        assertThat(finishedBefore).hasSizeGreaterThanOrEqualTo(5);

        Process second = start(dir.resolve("second.log"), "run", "--resume", out.toString());
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("resuming after").contains("trials finished before are kept").contains("Leaderboard");

        Map<String, List<Integer>> after = events(journal);
        for (int id : finishedBefore) {
            assertThat(after.get("trial_finished").stream().filter(t -> t == id).count()).as("trial %d finished", id).isEqualTo(1);
        }
        List<Integer> startedAgain = new ArrayList<>(after.get("trial_started"));
        atKill.get("trial_started").forEach(startedAgain::remove);
        assertThat(startedAgain.stream().filter(id -> id < atKill.get("trial_started").size()).toList())
                .as("only the trials in flight at the kill run again").allMatch(inFlight::contains);
        Journal read = Journal.read(journal);
        assertThat(read.end()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo("ok"));
        assertThat(out.resolve(RunOutputs.MODEL_FILE)).isRegularFile();
        assertThat(Files.readString(out.resolve("leaderboard.csv")).lines().count() - 1).isEqualTo(read.prior().proposed().size()
                + (Files.readString(out.resolve("leaderboard.csv")).contains("ensemble") ? 1 : 0));
    }
}
