package automl4j.it;

import automl4j.AutoMlModel;
import automl4j.export.ModelFileException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link ModelFileFuzzTest} watches: loads the base files, then mutants {@code from} to {@code to - 1} one
 * by one, printing {@code START i} before and one result line after each, so that a crash or a hang names its mutant.
 * Results: {@code OK i} (loaded), {@code REFUSED i} (the documented exception, one line naming the file), or
 * {@code BAD i <what>} (any other exception, or a message of another shape).
 */
public final class ModelFileFuzzChild {
    private ModelFileFuzzChild() {
    }

    /**
     * Runs the child.
     *
     * @param args a file listing the base files (one path a line), a scratch folder, the first and the end mutant index
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);   // libraries' chatter stays out of the protocol
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        List<Path> bases = Files.readAllLines(Path.of(args[0])).stream().map(Path::of).toList();
        Path scratch = Path.of(args[1]);
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        for (Path base : bases) {   // also warms up every loader (native libraries), so no mutant pays for that
            String r = result(-1, base, base);
            if (from == 0) {
                out.println(r);
            }
        }
        Path file = scratch.resolve("mutant.automl");
        for (int i = from; i < to; i++) {
            out.println("START " + i);
            ModelFileFuzzTest.Mutant m = ModelFileFuzzTest.mutant(bases, i);
            Files.write(file, ModelFileMutator.mutate(Files.readAllBytes(m.base()), m.kind(), m.seed()));
            out.println(result(i, file, m.base()));
        }
        out.println("DONE");
    }

    private static String result(int i, Path file, Path base) {
        String id = i < 0 ? "BASE " + base.getFileName() : Integer.toString(i);
        try {
            AutoMlModel.load(file);
            return "OK " + id;
        } catch (ModelFileException e) {
            String m = e.getMessage();
            if (m == null || m.contains("\n") || !m.startsWith(file + ": ") || m.contains("Exception:") || m.length() > 600) {
                return "BAD " + id + " message of the wrong shape: " + String.valueOf(m).replace('\n', '|');
            }
            return (i < 0 ? "BAD " + id + " refused: " + m : "REFUSED " + id);
        } catch (Throwable e) {
            return "BAD " + id + " " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', '|');
        }
    }
}
