package automl4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the command-line tool in-process for tests: captures its exit code, standard output and standard error, and
 * writes input files into a folder. One instance per test (not thread-safe).
 */
final class CliHarness {
    /** What one invocation returned. */
    record Result(int code, String out, String err) {
    }

    private final Path dir;
    private Result last = new Result(-1, "", "");

    CliHarness(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code automl args...}. */
    Result cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        last = new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        return last;
    }

    /** Writes {@code run.yaml} with {@code yaml} and runs {@code automl run --config run.yaml}. */
    Result run(String yaml) throws IOException {
        return cli("run", "--config", file("run.yaml", yaml).toString());
    }

    /** Writes {@code text} to {@code name} in the folder and returns its path. */
    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Standard output of the last invocation. */
    String out() {
        return last.out();
    }

    /** Standard error of the last invocation. */
    String err() {
        return last.err();
    }

    /** The folder files are written into. */
    Path dir() {
        return dir;
    }
}
