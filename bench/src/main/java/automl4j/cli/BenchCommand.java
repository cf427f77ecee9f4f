package automl4j.cli;

import automl4j.data.Tasks;
import automl4j.datasets.Suite;
import automl4j.datasets.SuiteEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code automl bench}: runs a suite following {@code ../shared/bench/PROTOCOL.md}. Each (dataset, fold) runs in a
 * fresh JVM (as the protocol asks, and so a crash or a hang fails only that fold) with a hard timeout; its row is
 * appended to the results file as soon as it finishes, and rows already there are skipped, so an interrupted run
 * resumes with the same command.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark AutoML4J on a dataset suite with the protocol's outer folds and metrics, or on the "
                + "forecasting pack.",
                "Writes one results-CSV row per (dataset, fold); python3 ../shared/bench/peers/summarize.py ranks it."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, description = "The suite manifest (suite.json), or the forecasting pack's "
            + "manifest.json: then each collection is run by bench/forecasting/PROTOCOL.md (--datasets names collections, "
            + "--learners the forecasting models, --cores the threads; --out gets the results file, and NAME_forecasts.csv "
            + "and NAME_search.md are written beside it).")
    Path suite;

    @Option(names = "--out", required = true, description = "Results CSV; existing rows are kept and skipped.")
    Path out;

    @Option(names = "--budget", defaultValue = "30", description = "Budget per fold in seconds (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--cores", defaultValue = "2", description = "Cores per fold (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--folds", defaultValue = "0,1,2,3,4", split = ",", description = "Outer folds to run (default: ${DEFAULT-VALUE}).")
    List<Integer> folds;

    @Option(names = "--datasets", split = ",", description = "Dataset names to run (default: every non-forecasting dataset).")
    List<String> datasets;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed; fold k uses seed + k (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--searcher", defaultValue = "tpe", description = "Searcher id (default: ${DEFAULT-VALUE}).")
    String searcher;

    @Option(names = "--ensemble-rounds", defaultValue = "50",
            description = "Rounds of ensemble selection, 0 for none (default: ${DEFAULT-VALUE}).")
    int ensembleRounds;

    @Option(names = "--pruning", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Stop cross-validated trials that are among the worst after 1 or 2 splits (--no-pruning: never; default: ${DEFAULT-VALUE}).")
    boolean pruning;

    @Option(names = "--portfolio", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Try the built-in portfolio first (--no-portfolio: only the learners' defaults; default: ${DEFAULT-VALUE}).")
    boolean portfolio;

    @Option(names = "--isolation", defaultValue = "guarded",
            description = "Where trials run: in_process, native_in_workers, guarded or workers (default: ${DEFAULT-VALUE}).")
    String isolation;

    @Option(names = "--framework", defaultValue = "automl4j", description = "Framework name in the results (default: ${DEFAULT-VALUE}).")
    String framework;

    @Option(names = "--timeout", description = "Hard limit per fold in seconds (default: 10 x budget + 600).")
    Double timeout;

    @Option(names = "--heap", defaultValue = "4g", description = "Maximum heap of each fold's JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--details", description = "Per-fold details as JSON lines (default: OUT.details.jsonl).")
    Path details;

    @Option(names = "--stacking", defaultValue = "false", negatable = true, fallbackValue = "true",
            description = "Also fit a stacked ensemble (search.stacking; default: ${DEFAULT-VALUE}).")
    boolean stacking;

    @Option(names = "--learners", split = ",", description = "Learner ids to search (default: the default learner set).")
    List<String> learners;

    @Option(names = "--portfolio-file", description = "A portfolio JSON (as automl portfolio writes) tried first instead of "
            + "the built-in one, for comparing portfolios (default: the built-in one).")
    Path portfolioFile;

    @Option(names = "--trials", defaultValue = "0", description = "Most trials per fold, 0 for no limit; with a large "
            + "--budget the folds then do not depend on how busy the machine is (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() throws Exception {
        if (ForecastBench.isForecastingManifest(suite)) {
            return ForecastBench.run(suite, out, datasets, learners, cores, framework, CommonOptions.out);
        }
        if (!(budget > 0)) {
            throw new UsageException("--budget must be > 0, but was " + budget);
        }
        if (cores < 1) {
            throw new UsageException("--cores must be >= 1, but was " + cores);
        }
        RunExecution.resolveIsolation(isolation);
        for (int f : folds) {
            if (f < 0 || f > 4) {
                throw new UsageException("--folds must be in 0..4, but had " + f);
            }
        }
        RunExecution.resolveSearcher(searcher);
        RunExecution.resolveLearners(learners == null ? List.of() : learners);
        if (trials < 0) {
            throw new UsageException("--trials must be >= 0, but was " + trials);
        }
        if (portfolioFile != null && !Files.isReadable(portfolioFile)) {
            throw new UsageException("--portfolio-file: cannot read " + portfolioFile);
        }
        List<SuiteEntry> entries = Suite.read(suite);
        if (datasets != null) {
            Set<String> known = new HashSet<>();
            entries.forEach(e -> known.add(e.name()));
            for (String d : datasets) {
                if (!known.contains(d)) {
                    throw new UsageException("--datasets: dataset '" + d + "' is not in " + suite + " (or is a forecasting series); known: " + known);
                }
            }
            entries = entries.stream().filter(e -> datasets.contains(e.name())).toList();
        }
        Path detailsFile = details != null ? details : Path.of(out + ".details.jsonl");
        Set<String> done = existingRows();
        if (!Files.exists(out) || Files.size(out) == 0) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, FoldResult.HEADER + "\n", StandardCharsets.UTF_8);
        }
        int failed = 0;
        for (SuiteEntry e : entries) {
            for (int fold : folds) {
                if (done.contains(e.name() + "/" + fold)) {
                    CommonOptions.out.printf(Locale.ROOT, "%-14s fold %d: already in %s, skipped%n", e.name(), fold, out);
                    continue;
                }
                long t0 = System.nanoTime();
                ChildResult r = runChild(e, fold);
                double processSeconds = r.processSeconds();
                Files.writeString(out, r.row().toCsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                if (r.details() != null) {
                    Files.writeString(detailsFile, r.details() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                if (!r.row().status().equals("ok")) {
                    failed++;
                }
                CommonOptions.out.printf(Locale.ROOT, "%-14s fold %d: %s %s=%s trials=%d (%.1f s, process %.1f s)%s%n", e.name(), fold,
                        r.row().status(), r.row().metric(), r.row().score() == null ? "-" : String.format(Locale.ROOT, "%.5f", r.row().score()),
                        r.row().nTrials(), (System.nanoTime() - t0) / 1e9, processSeconds,
                        r.row().status().equals("ok") ? "" : " " + r.row().error());
            }
        }
        CommonOptions.out.println("Results in " + out + (failed > 0 ? " (" + failed + " failed folds)" : ""));
        return ExitCodes.OK;
    }

    /** A fold's row and details line, both with the fold process's wall time as seen from here. */
    private record ChildResult(FoldResult row, String details, double processSeconds) {
        static ChildResult of(FoldResult row, String details, double processSeconds) {
            String withTime = details == null || !details.endsWith("}") ? details
                    : details.substring(0, details.length() - 1) + String.format(Locale.ROOT, ",\"process_seconds\":%.3f}", processSeconds);
            return new ChildResult(row.withProcessSeconds(processSeconds), withTime, processSeconds);
        }
    }

    private ChildResult runChild(SuiteEntry e, int fold) throws IOException, InterruptedException {
        Path result = Files.createTempFile("automl-fold", ".txt");
        Path log = Files.createTempFile("automl-fold", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench-fold",
                "--suite", suite.toString(), "--dataset", e.name(), "--fold", Integer.toString(fold),
                "--budget", Double.toString(budget), "--cores", Integer.toString(cores), "--seed", Long.toString(seed),
                "--searcher", searcher, "--ensemble-rounds", Integer.toString(ensembleRounds), "--pruning", Boolean.toString(pruning),
                "--portfolio", Boolean.toString(portfolio), "--isolation", isolation, "--framework", framework, "--result", result.toString(),
                "--stacking", Boolean.toString(stacking), "--trials", Integer.toString(trials)));
        if (learners != null && !learners.isEmpty()) {
            cmd.addAll(List.of("--learners", String.join(",", learners)));
        }
        if (portfolioFile != null) {
            cmd.addAll(List.of("--portfolio-file", portfolioFile.toAbsolutePath().toString()));
        }
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        double limit = timeout != null ? timeout : 10 * budget + 600;
        String error = null;
        try {
            if (!p.waitFor((long) (limit * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                error = String.format(Locale.ROOT, "fold did not finish within %.0f s and was killed", limit);
            } else {
                double seconds = (System.nanoTime() - started) / 1e9;
                List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
                if (p.exitValue() == 0 && lines.size() >= 1 && !lines.get(0).isBlank()) {
                    return ChildResult.of(parseRow(lines.get(0)), lines.size() > 1 ? lines.get(1) : null, seconds);
                }
                error = "fold process exited with code " + p.exitValue() + ": " + lastLines(log);
            }
        } finally {
            Files.deleteIfExists(result);
            Files.deleteIfExists(log);
        }
        return ChildResult.of(FoldResult.failed(framework, e.name(), e.task(), fold, Tasks.defaultMetricOf(e.task()),
                Tasks.secondaryMetricOf(e.task()), budget, cores, error), null, (System.nanoTime() - started) / 1e9);
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("automl: ")) {
                return lines.get(i).substring("automl: ".length());
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    // The child writes exactly the row it computed; parse it back just enough to know its status and score.
    private static FoldResult parseRow(String csv) {
        List<String> f = splitCsv(csv);
        return new FoldResult(f.get(0), f.get(1), f.get(2), Integer.parseInt(f.get(3)), f.get(4), dbl(f.get(5)), f.get(6),
                dbl(f.get(7)), dbl(f.get(8)), dbl(f.get(9)), Integer.parseInt(f.get(10)), Double.parseDouble(f.get(11)),
                Integer.parseInt(f.get(12)), f.get(13), f.size() > 14 ? f.get(14) : "", f.size() > 15 ? dbl(f.get(15)) : null);
    }

    private static Double dbl(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    static List<String> splitCsv(String line) {
        return automl4j.internal.CsvFields.split(line);
    }

    private Set<String> existingRows() throws IOException {
        Set<String> done = new HashSet<>();
        if (!Files.exists(out)) {
            return done;
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = splitCsv(lines.get(i));
            if (f.size() >= 4 && f.get(0).equals(framework)) {
                done.add(f.get(1) + "/" + f.get(3));
            }
        }
        return done;
    }
}
