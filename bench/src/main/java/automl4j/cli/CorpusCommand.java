package automl4j.cli;

import automl4j.datasets.TextCorpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code automl corpus}: writes a synthetic text corpus ({@link TextCorpus}) as a CSV file, to measure text runs on. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Write a synthetic text corpus as CSV: a 'text' column of documents drawn from a Zipf vocabulary and "
                + "a target that depends on a few cue words plus noise ('label', pos/neg, or with --regression 'score').",
                "The same options always write the same file."})
final class CorpusCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--docs", defaultValue = "2000", description = "Documents (rows) to generate (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--words", defaultValue = "700", description = "Mean words per document (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--regression", description = "Write a numeric target 'score' instead of the binary 'label'.")
    boolean regression;

    @Option(names = "--seed", defaultValue = "7", description = "Data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (docs < 10) {
            throw new UsageException("--docs must be >= 10, but was " + docs);
        }
        if (words < 1) {
            throw new UsageException("--words must be >= 1, but was " + words);
        }
        OutputPaths.checkFile(out, "--out");
        Table t = TextCorpus.generate(docs, words, regression, seed);
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(abs, StandardCharsets.UTF_8)) {
            w.write(String.join(",", t.columnNames()));
            w.newLine();
            for (int r = 0; r < t.rowCount(); r++) {
                // Documents hold only letters, spaces and full stops: no cell needs quoting.
                w.write(t.column(0).getString(r) + "," + t.column(1).getString(r));
                w.newLine();
            }
        }
        CommonOptions.out.println("wrote " + t.rowCount() + " documents to " + out);
        return ExitCodes.OK;
    }
}
