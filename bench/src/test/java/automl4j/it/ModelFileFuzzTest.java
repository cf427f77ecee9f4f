package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMlModel;
import automl4j.export.PipelineBundle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading damaged and crafted model files: 2,400 seeded mutants (system property {@code automl4j.fuzz.mutants} to change) of valid files of every learner, an
 * ensemble and every format version, loaded in a child JVM this test watches. Every mutant must load or be refused
 * with {@link ModelFileException}: no crash of the JVM (a native loader's SIGSEGV or abort), no load over
 * {@value #HANG_SECONDS} s, no other exception. A crash or hang is recorded with its mutant (base file, mutation,
 * seed), the child restarted after it, and all of them listed at the end.
 */
class ModelFileFuzzTest {
    static final int MUTANTS = Integer.getInteger("automl4j.fuzz.mutants", 2400);
    static final int HANG_SECONDS = 5;
    private static final int START_SECONDS = 120;
    private static final long SEED = 20261129L;

    @TempDir
    Path dir;

    /** One mutant: which base file, which mutation, which seed. */
    record Mutant(Path base, ModelFileMutator.Kind kind, long seed) {
        @Override
        public String toString() {
            return base.getFileName() + " + " + kind + " (seed " + seed + ")";
        }
    }

    /** Mutant {@code i}: bases and kinds in turn, so every base meets every kind. */
    static Mutant mutant(List<Path> bases, int i) {
        ModelFileMutator.Kind[] kinds = ModelFileMutator.Kind.values();
        Path base = bases.get(i % bases.size());
        ModelFileMutator.Kind kind = kinds[(i / bases.size()) % kinds.length];
        return new Mutant(base, kind, SEED * 1_000_003L + i);
    }

    @Test
    void everyMutantLoadsOrIsRefusedWithTheDocumentedExceptionAndNothingCrashesOrHangs() throws Exception {
        List<Path> bases = bases();
        Path list = Files.write(dir.resolve("bases.txt"), bases.stream().map(Path::toString).toList());
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int refused = 0;
        int restarts = 0;
        int baseLoads = 0;
        int next = 0;
        while (next < MUTANTS) {
            Process child = start(list, next);
            BlockingQueue<String> lines = lines(child);
            int current = -1;
            boolean finished = false;
            while (!finished) {
                // The child's start (a JVM, the valid files loaded once) may take longer than one load on a busy machine.
                String line = lines.poll(current < 0 ? START_SECONDS : HANG_SECONDS, TimeUnit.SECONDS);
                if (line == null || line.equals("EOF")) {
                    boolean hang = line == null;
                    child.destroyForcibly().waitFor();
                    String who = current >= 0 ? mutant(bases, current).toString() : "starting the child (mutants from " + next + ")";
                    failures.add((hang ? "hang over " + HANG_SECONDS + " s: " : "crash (exit " + child.exitValue() + "): ") + who
                            + lastWords());
                    next = current >= 0 ? current + 1 : MUTANTS;   // a child that cannot start ends the test
                    restarts++;
                    break;
                }
                String[] f = line.split(" ", 3);
                switch (f[0]) {
                    case "START" -> current = Integer.parseInt(f[1]);
                    case "OK" -> {
                        if (f[1].equals("BASE")) {
                            baseLoads++;
                        } else {
                            ok++;
                        }
                    }
                    case "REFUSED" -> refused++;
                    case "BAD" -> failures.add(f[1].equals("BASE") ? "valid file failed to load: " + line
                            : mutant(bases, Integer.parseInt(f[1])) + ": " + f[2]);
                    case "DONE" -> {
                        finished = true;
                        next = MUTANTS;
                    }
                    default -> { }
                }
            }
            child.destroyForcibly().waitFor();
        }
        Files.writeString(Path.of("target", "model-file-fuzz.txt"), "mutants " + MUTANTS + ", loaded " + ok + ", refused " + refused
                + ", child restarts " + restarts + ", failures " + failures.size() + "\n" + String.join("\n", failures) + "\n");
        assertThat(baseLoads).as("valid base files loaded").isEqualTo(bases.size());
        assertThat(failures).as("crashes, hangs and undocumented exceptions").isEmpty();
        assertThat(ok + refused).isEqualTo(MUTANTS);
    }

    /** The golden files of versions 1 and 2, and each version-2 file re-exported as the current version. */
    private List<Path> bases() throws IOException {
        List<Path> bases = new ArrayList<>();
        bases.add(GoldenFiles.V1.resolve("model.automl").toAbsolutePath());
        for (String name : GoldenFiles.V2_NAMES) {
            Path v2 = GoldenFiles.V2.resolve(name + ".automl").toAbsolutePath();
            bases.add(v2);
            Path current = dir.resolve(name + "-v" + PipelineBundle.VERSION + ".automl");
            AutoMlModel.load(v2).exportTo(current);
            bases.add(current);
        }
        return bases;
    }

    private Process start(Path list, int from) throws IOException {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // Native libraries unpacked by a child that then crashes, and the JVM's crash reports, stay in the test's folder.
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp,
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-cp", System.getProperty("java.class.path"),
                ModelFileFuzzChild.class.getName(), list.toString(), scratch.toString(), Integer.toString(from),
                Integer.toString(MUTANTS))
                .redirectError(dir.resolve("child.err").toFile()).start();
    }

    private static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    q.add(line);
                }
            } catch (IOException e) {
                // the child died; EOF below says so
            }
            q.add("EOF");
        }, "fuzz-child-reader");
        t.setDaemon(true);
        t.start();
        return q;
    }

    /** The last line the child wrote to standard error, if any (a native library's last words). */
    private String lastWords() throws IOException {
        Path err = dir.resolve("child.err");
        if (!Files.exists(err)) {
            return "";
        }
        List<String> lines = Files.readAllLines(err, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : " — last stderr line: " + lines.get(lines.size() - 1);
    }
}
