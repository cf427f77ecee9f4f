package automl4j.cli;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.data.Tasks;
import automl4j.datasets.CsvReader;
import automl4j.datasets.Suite;
import automl4j.datasets.SuiteEntry;
import automl4j.execute.TrialEvaluator;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code automl portfolio}: re-derives the warm-start portfolio ({@link Portfolio}) from a benchmark suite, using only
 * the training rows of one outer fold of each dataset.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = {"Derive the warm-start portfolio from a suite's training rows of one outer fold.",
                "1. On each dataset, a search (hybrid searcher, no ensemble, no portfolio) gives its best configs as "
                        + "candidates; 2. every candidate is scored on every dataset of its task by inner validation; "
                        + "3. greedy selection keeps, per task, the candidates that together score best across datasets.",
                "Writes the portfolio JSON, the loss matrix as CSV beside it, and beside them a folder <out>.learners "
                        + "with each learner's entries (copy <id>.json to the resources of the learner's module, under "
                        + "automl4j/portfolio/)."})
final class PortfolioCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, description = "The suite manifest (suite.json).")
    Path suite;

    @Option(names = "--out", required = true, description = "Portfolio JSON to write.")
    Path out;

    @Option(names = "--budget", defaultValue = "30", description = "Search seconds per dataset in step 1 (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--candidates", defaultValue = "3", description = "Best configs kept per dataset (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--size", defaultValue = "8", description = "Most configs per task in the portfolio (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--fold", defaultValue = "0", description = "Outer fold whose training rows are used (default: ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--cores", defaultValue = "2", description = "Cores (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--datasets", split = ",", description = "Datasets to use (default: every non-forecasting dataset).")
    List<String> datasets;

    @Option(names = "--all-rows", description = "Use every row instead of one outer fold's training rows: for a suite kept "
            + "apart for meta-learning (../shared/datasets/meta), whose rows never score a framework.")
    boolean allRows;

    @Option(names = "--max-rows", defaultValue = "0", description = "Datasets with more rows are sampled down to this many "
            + "(seeded, without replacement) so that the derivation's time stays bounded; 0 keeps every row (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--trials", defaultValue = "0", description = "Trials of each step-1 search instead of --budget seconds "
            + "(each trial at most --budget seconds): the candidates then no longer depend on how busy the machine is; "
            + "0: step 1 is bounded by --budget (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() throws IOException {
        if (candidates < 1 || size < 1 || budget <= 0 || cores < 1 || fold < 0 || fold > 4 || maxRows < 0 || trials < 0) {
            throw new UsageException("--candidates, --size and --cores must be >= 1, --budget > 0, --fold in 0..4, --max-rows and "
                    + "--trials >= 0");
        }
        List<SuiteEntry> entries = Suite.read(suite).stream().filter(e -> datasets == null || datasets.contains(e.name())).toList();
        Map<SuiteEntry, Table> train = new LinkedHashMap<>();
        Map<String, List<Config>> pool = new TreeMap<>();
        for (SuiteEntry e : entries) {
            Table t = trainingRows(e);
            train.put(e, t);
            long t0 = System.nanoTime();
            Duration seconds = Duration.ofMillis(Math.round(budget * 1000));
            AutoMl.Builder builder = trials > 0 ? base(e).budget(new Budget(seconds.multipliedBy(trials), trials)).trialTimeout(seconds)
                    : base(e).budget(Budget.ofTime(seconds));
            AutoMlRun run = builder.searcher(RunExecution.resolveSearcher("hybrid")).build().fit(data(e, t));
            List<Config> mine = pool.computeIfAbsent(e.task(), k -> new ArrayList<>());
            int added = 0;
            for (TrialResult r : run.leaderboard().rows()) {
                Config c = stripped(r.trial().config());
                if (added < candidates && r.completed() != null && !mine.contains(c)) {
                    mine.add(c);
                    added++;
                }
            }
            CommonOptions.out.printf(Locale.ROOT, "%-14s candidates: %d from %d trials (%.0f s)%n", e.name(), added,
                    run.leaderboard().rows().size(), (System.nanoTime() - t0) / 1e9);
        }
        StringBuilder matrix = new StringBuilder("task,dataset,candidate,learner,config,loss\n");
        Map<String, List<Config>> chosen = new TreeMap<>();
        for (String task : Tasks.labels()) {
            List<Config> cands = pool.getOrDefault(task, List.of());
            if (cands.isEmpty()) {
                continue;
            }
            List<SuiteEntry> ofTask = entries.stream().filter(e -> e.task().equals(task)).toList();
            double[][] losses = new double[ofTask.size()][cands.size()];
            for (int d = 0; d < ofTask.size(); d++) {
                SuiteEntry e = ofTask.get(d);
                Arrays.fill(losses[d], Double.NaN);
                Metric metric = Metrics.forName(Tasks.defaultMetricOf(task));
                AutoMlRun run = base(e).budget(new Budget(Duration.ofMinutes(30), cands.size())).trialTimeout(Duration.ofSeconds(120))
                        .portfolio(new Portfolio(Map.of(task, cands), "candidates"))
                        .searcher(RunExecution.resolveSearcher("random")).build().fit(data(e, train.get(e)));
                for (TrialResult r : run.leaderboard().rows()) {
                    int c = cands.indexOf(stripped(r.trial().config()));
                    if (c >= 0 && r.completed() != null) {
                        losses[d][c] = metric.loss(r.completed().score());
                    }
                }
                for (int c = 0; c < cands.size(); c++) {
                    matrix.append(task).append(',').append(e.name()).append(',').append(c).append(',')
                            .append(cands.get(c).learner()).append(',')
                            .append(automl4j.internal.CsvFields.quote(cands.get(c).values().toString())).append(',')
                            .append(losses[d][c]).append('\n');
                }
                CommonOptions.out.printf(Locale.ROOT, "%-14s scored %d candidates%n", e.name(), cands.size());
            }
            List<Config> picked = new ArrayList<>();
            for (int c : PortfolioSelection.select(losses, size)) {
                picked.add(cands.get(c));
            }
            chosen.put(task, picked);
        }
        String rows = (allRows ? "--all-rows" : "--fold " + fold) + (maxRows > 0 ? " --max-rows " + maxRows : "")
                + (trials > 0 ? " --trials " + trials : "");
        String derived = String.format(Locale.ROOT, "automl portfolio --budget %s --candidates %d --size %d %s --cores %d "
                        + "--seed %d on %s (%s), %s", budget, candidates, size, rows, cores, seed,
                entries.stream().map(SuiteEntry::name).toList(), suiteName(), LocalDate.now());
        Portfolio portfolio = new Portfolio(chosen, derived);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, portfolio.toJson());
        Files.writeString(Path.of(out + ".matrix.csv"), matrix.toString(), StandardCharsets.UTF_8);
        Path perLearner = Files.createDirectories(Path.of(out + ".learners"));
        for (String learner : chosen.values().stream().flatMap(List::stream).map(Config::learner).distinct().sorted().toList()) {
            Files.write(perLearner.resolve(learner + ".json"), portfolio.toLearnerJson(learner));
        }
        chosen.forEach((task, list) -> CommonOptions.out.println(task + ": " + list));
        CommonOptions.out.println("Portfolio in " + out + ", loss matrix in " + out + ".matrix.csv");
        return ExitCodes.OK;
    }

    private AutoMl.Builder base(SuiteEntry e) {
        return AutoMl.builder().metric(Metrics.forName(Tasks.defaultMetricOf(e.task()))).seed(seed).cores(cores).ensembleRounds(0)
                .portfolio(Portfolio.none());
    }

    private static TaskData data(SuiteEntry e, Table t) {
        return TaskData.of(t, e.target(), e.task(), e.name());
    }

    /** The suite as named in the portfolio's provenance: its folder and file, e.g. {@code meta/suite.json}. */
    private String suiteName() {
        Path abs = suite.toAbsolutePath().normalize();
        Path dir = abs.getParent() == null ? null : abs.getParent().getFileName();
        return (dir == null ? "" : dir + "/") + abs.getFileName();
    }

    private Table trainingRows(SuiteEntry e) {
        Table table = CsvReader.comma().read(e.file());
        Selection keep = Selection.with();
        if (allRows) {
            keep = Selection.withRange(0, table.rowCount());
        } else {
            int[] folds = Suite.readFolds(e.foldsFile(), table.rowCount());
            for (int i = 0; i < folds.length; i++) {
                if (folds[i] != fold) {
                    keep.add(i);
                }
            }
        }
        Table rows = table.where(keep);
        return maxRows > 0 && rows.rowCount() > maxRows ? sample(rows, maxRows, seed) : rows;
    }

    /**
     * {@code n} of {@code table}'s rows drawn without replacement by {@code seed}, in their original order. A partial
     * shuffle of its own rather than {@code Permutations}: it draws the rows of the built-in portfolio's recorded
     * derivation, which must stay reproducible from its command.
     */
    static Table sample(Table table, int n, long seed) {
        int[] index = new int[table.rowCount()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = Arrays.copyOf(index, n);
        Arrays.sort(chosen);
        return table.rows(chosen);
    }

    /** The config without featurization choices, which belong to a dataset rather than to the portfolio. */
    static Config stripped(Config c) {
        Map<String, Object> v = new java.util.TreeMap<>(c.values());
        v.keySet().removeIf(k -> k.startsWith(TrialEvaluator.FEATURIZE_PREFIX));
        return Config.of(c.learner(), v);
    }
}
