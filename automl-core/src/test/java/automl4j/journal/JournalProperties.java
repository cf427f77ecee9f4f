package automl4j.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.space.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalProperties {
    @TempDir
    Path dir;

    /** A journal of {@code trials} random trials (every kind of outcome, odd numbers and text); returns its events. */
    static List<JournalEvent> writeRandomJournal(Path file, long seed, int trials) {
        SplittableRandom r = new SplittableRandom(seed);
        List<JournalEvent> events = new ArrayList<>();
        JournalEvent.RunStarted header = new JournalEvent.RunStarted(Journal.FORMAT_VERSION,
                Map.of("seed", Long.toString(seed), "learners", "a,b", "metric", "auc"), "ab12");
        events.add(header);
        try (JournalWriter w = JournalWriter.create(file, header)) {
            double t = 0;
            List<Integer> running = new ArrayList<>();
            for (int id = 0; id < trials || !running.isEmpty(); ) {
                t += r.nextDouble();
                if (id < trials && (running.isEmpty() || r.nextBoolean())) {
                    Config c = Config.of(r.nextBoolean() ? "a" : "b", Map.of("depth", r.nextInt(1, 12), "rate", r.nextDouble(),
                            "kind", r.nextBoolean() ? "gbtree" : "dart é✓"));
                    Trial trial = new Trial(id, c, r.nextLong());
                    w.trialStarted(trial, t);
                    events.add(new JournalEvent.TrialProposed(id, c, t));
                    events.add(new JournalEvent.TrialStarted(id, t));
                    running.add(id++);
                } else {
                    int finished = running.remove(r.nextInt(running.size()));
                    TrialOutcome o = randomOutcome(r);
                    w.trialFinished(new TrialResult(new Trial(finished, Config.of("a", Map.of()), 0), o), null, t);
                    events.add(new JournalEvent.TrialFinished(finished, o, t));
                }
            }
        }
        return events;
    }

    static TrialOutcome randomOutcome(SplittableRandom r) {
        double[] odd = {Double.NaN, 0.1 + 0.2, -0.0, 1e-300, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        double x = r.nextInt(4) == 0 ? odd[r.nextInt(odd.length)] : r.nextDouble();
        return switch (r.nextInt(7)) {
            case 0 -> new TrialOutcome.Completed(x, r.nextDouble(), r.nextDouble() * 10, r.nextDouble(), "cpu",
                    Map.of("n_estimators", r.nextInt(1, 500), "eta", r.nextDouble()), List.of(r.nextDouble(), x),
                    r.nextBoolean() ? List.of() : List.of(r.nextDouble(), x));
            // Stopped after a split, or at a row rung with the rows it reached and its rung scores.
            case 1 -> r.nextBoolean() ? new TrialOutcome.Pruned(x, List.of(x), r.nextDouble())
                    : new TrialOutcome.Pruned(x, List.of(x), r.nextDouble(), r.nextInt(1, 1_000_000), List.of(r.nextDouble(), x));
            case 2 -> new TrialOutcome.Failed("IllegalStateException: \"bad\"\tvalue\nline two ✓", r.nextDouble());
            case 3 -> new TrialOutcome.OutOfMemory("OutOfMemoryError: Java heap space", r.nextDouble());
            case 4 -> new TrialOutcome.TimedOut(r.nextDouble() * 100);
            case 5 -> new TrialOutcome.Crashed("worker exited with signal 9 (SIGKILL)", r.nextDouble());
            default -> new TrialOutcome.Cancelled();
        };
    }

    @Test
    void everyEventReadsBackAsWritten() {
        qt().withExamples(50).forAll(longs().all(), integers().between(0, 30)).checkAssert((seed, trials) -> {
            Path file = dir.resolve("j-" + seed + "-" + trials + ".jsonl");
            List<JournalEvent> written = writeRandomJournal(file, seed, trials);
            assertThat(Journal.read(file).events()).isEqualTo(written);
        });
    }

    @Test
    void everyPrefixIsReadUpToItsLastCompleteLineOrRejected() {
        qt().withExamples(10).forAll(longs().all(), integers().between(0, 8)).checkAssert((seed, trials) -> {
            Path file = dir.resolve("full.jsonl");
            List<JournalEvent> written = writeRandomJournal(file, seed, trials);
            byte[] bytes = read(file);
            Path cut = dir.resolve("cut.jsonl");
            for (int length = 0; length <= bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                int complete = 0;
                for (int i = 0; i < length; i++) {
                    complete += bytes[i] == '\n' ? 1 : 0;
                }
                if (complete == 0) {
                    assertThatThrownBy(() -> Journal.parse(cut, prefix)).isInstanceOf(JournalException.class)
                            .hasMessageContaining("no complete line");
                    continue;
                }
                Journal j = Journal.parse(cut, prefix);
                assertThat(j.events()).isEqualTo(written.subList(0, complete));
                assertThat(new String(bytes, 0, (int) j.validBytes(), StandardCharsets.UTF_8)).endsWith("\n");
            }
        });
    }

    @Test
    void aDamagedCompleteLineIsRejectedWithItsLineNumber() throws IOException {
        Path file = dir.resolve("j.jsonl");
        writeRandomJournal(file, 3, 4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"trial\"", "\"trail\""));
        Files.write(file, lines);
        assertThatThrownBy(() -> Journal.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("line 3").hasMessageContaining("missing field 'trial'");
        lines.set(2, "{not json");
        Files.write(file, lines);
        assertThatThrownBy(() -> Journal.read(file)).hasMessageContaining("line 3: not JSON");
    }

    @Test
    void contradictoryEventsAreRejected() throws IOException {
        Path file = dir.resolve("j.jsonl");
        JournalEvent.RunStarted header = new JournalEvent.RunStarted(Journal.FORMAT_VERSION, Map.of(), "x");
        try (JournalWriter w = JournalWriter.create(file, header)) {
            w.write(new JournalEvent.TrialProposed(0, Config.of("a", Map.of()), 1));
            w.write(new JournalEvent.TrialFinished(0, new TrialOutcome.Cancelled(), 2));
            w.write(new JournalEvent.TrialFinished(0, new TrialOutcome.Cancelled(), 3));
        }
        assertThatThrownBy(() -> Journal.read(file)).hasMessageContaining("line 4: trial 0 finished twice");
        try (JournalWriter w = JournalWriter.create(file, header)) {
            w.write(new JournalEvent.TrialStarted(5, 1));
        }
        assertThatThrownBy(() -> Journal.read(file)).hasMessageContaining("line 2: trial_started of trial 5, which was never proposed");
    }

    @Test
    void appendingAfterATornLineStartsOnALineOfItsOwn() throws IOException {
        Path file = dir.resolve("j.jsonl");
        List<JournalEvent> written = writeRandomJournal(file, 11, 3);
        byte[] bytes = read(file);
        write(file, Arrays.copyOf(bytes, bytes.length - 5));
        Journal torn = Journal.read(file);
        try (JournalWriter w = JournalWriter.append(file, torn)) {
            w.write(new JournalEvent.Resumed(torn.elapsedSeconds()));
        }
        List<JournalEvent> events = Journal.read(file).events();
        assertThat(events).hasSize(written.size());
        assertThat(events.get(events.size() - 1)).isInstanceOf(JournalEvent.Resumed.class);
    }

    @Test
    void priorTrialsHoldTheProposedConfigsAndTheFinishedOutcomes() {
        Path file = dir.resolve("j.jsonl");
        List<JournalEvent> written = writeRandomJournal(file, 5, 6);
        var prior = Journal.read(file).prior();
        assertThat(prior.proposed()).hasSize(6);
        long finished = written.stream().filter(e -> e instanceof JournalEvent.TrialFinished).count();
        assertThat(prior.finished()).hasSize((int) finished);
        assertThat(prior.unfinished()).isEmpty();
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
