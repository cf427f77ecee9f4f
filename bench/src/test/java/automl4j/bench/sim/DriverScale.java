package automl4j.bench.sim;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.execute.SplitStore;
import automl4j.journal.JournalEvent;
import automl4j.journal.JournalWriter;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.search.Searcher;
import automl4j.search.Searchers;
import automl4j.searchloop.PriorTrials;
import automl4j.searchloop.RunListener;
import automl4j.searchloop.SearchLoop;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Does the driver keep up with a big cluster? The real search loop, searcher, journal and leaderboard run against a
 * {@link SimulatedCluster} of many slots whose trials finish at once, so that everything measured is the driver's own
 * cost; the search runs in time-budget mode (the lag of proposals grows to the slots, as on a cluster) and is stopped
 * after the trial count. Reports the driver thread's CPU time and the wall time per trial in chunks of trials, to show
 * how the cost grows with the history.
 *
 * <pre>
 * java -cp ... automl4j.bench.sim.DriverScale [trials=10000] [slots=256] [searcher=tpe] [chunk=500] [out=driver.csv]
 * </pre>
 */
public final class DriverScale {
    private DriverScale() {
    }

    /** One chunk's measurements: trials finished so far, and the driver's CPU and wall milliseconds per trial in it. */
    record Chunk(int trials, double cpuMsPerTrial, double wallMsPerTrial) {
    }

    /** A run's measurements. */
    record Result(List<Chunk> chunks, int finished, double leaderboardMs, double totalSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("trials", "10000", "slots", "256", "searcher", "tpe", "chunk", "500",
                "out", "driver-scale.csv"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        Result r = run(Integer.parseInt(a.get("trials")), Integer.parseInt(a.get("slots")), Searchers.forId(a.get("searcher")),
                Integer.parseInt(a.get("chunk")), Files.createTempDirectory("driver-scale"), System.out);
        StringBuilder csv = new StringBuilder("trials,driver_cpu_ms_per_trial,wall_ms_per_trial\n");
        r.chunks().forEach(c -> csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f%n", c.trials(), c.cpuMsPerTrial(),
                c.wallMsPerTrial())));
        Files.writeString(Path.of(a.get("out")), csv);
        System.out.printf(Locale.ROOT, "%d trials on %s slots with %s in %.1f s; leaderboard of all trials built in %.1f ms; "
                + "wrote %s%n", r.finished(), a.get("slots"), a.get("searcher"), r.totalSeconds(), r.leaderboardMs(), a.get("out"));
    }

    /**
     * Runs {@code trials} instant trials on {@code slots} simulated slots.
     *
     * @param journalDir where the journal is written
     * @param print      where a line per chunk goes
     */
    static Result run(int trials, int slots, Searcher searcher, int chunk, Path journalDir, PrintStream print)
            throws IOException, InterruptedException {
        Task task = new Classification(List.of("no", "yes"));
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        for (Learner l : Learners.discovered(DriverScale.class.getClassLoader())) {
            if (l.tasks().stream().anyMatch(t -> t.isInstance(task))) {
                spaces.put(l.id(), l.space(task));
            }
        }
        Metric metric = Metrics.rocAuc();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Chunk> chunks = new ArrayList<>();
        Thread driver = Thread.currentThread();
        long[] last = {threads.getCurrentThreadCpuTime(), System.nanoTime()};
        int[] finished = {0};
        RunListener timing = new RunListener() {
            @Override
            public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                finished[0]++;
                if (finished[0] % chunk == 0) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    Chunk c = new Chunk(finished[0], (cpu - last[0]) / 1e6 / chunk, (wall - last[1]) / 1e6 / chunk);
                    chunks.add(c);
                    print.printf(Locale.ROOT, "%6d trials: driver %.3f ms CPU, %.3f ms wall per trial%n", c.trials(),
                            c.cpuMsPerTrial(), c.wallMsPerTrial());
                    last[0] = cpu;
                    last[1] = wall;
                }
                if (finished[0] >= trials) {
                    driver.interrupt();   // the loop ends gracefully at an interrupt
                }
            }
        };
        long start = System.nanoTime();
        List<TrialResult> results;
        JournalWriter journal = JournalWriter.create(journalDir.resolve("journal.jsonl"),
                new JournalEvent.RunStarted(1, Map.of("simulation", "driver-scale"), "none"));
        try (SimulatedCluster cluster = new SimulatedCluster(slots)) {
            RunListener both = new RunListener() {
                @Override
                public void trialStarted(Trial trial, double elapsedSeconds) {
                    journal.trialStarted(trial, elapsedSeconds);
                }

                @Override
                public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                    journal.trialFinished(result, best, elapsedSeconds);
                    timing.trialFinished(result, best, elapsedSeconds);
                }
            };
            SearchLoop loop = new SearchLoop(new SearchLoop.Proposals(new JointSpace(spaces), searcher, List.of(), PriorTrials.NONE, 1),
                    new SearchLoop.Scoring(metric, false, 1, false), cluster, SplitStore.featurizing(choices -> {
                        throw new IllegalStateException("the simulated cluster reads no splits");
                    }), 1, both, t -> 0);
            results = loop.run(start, TimeUnit.HOURS.toNanos(10), Integer.MAX_VALUE, TimeUnit.MINUTES.toNanos(1));
        } finally {
            Thread.interrupted();   // the interrupt that ended the loop, if the loop left it set
            journal.close();
        }
        long board = System.nanoTime();
        Leaderboard leaderboard = new Leaderboard(metric, results);
        double boardMs = (System.nanoTime() - board) / 1e6;
        if (leaderboard.rows().isEmpty()) {
            throw new IllegalStateException("no trial on the leaderboard");
        }
        return new Result(chunks, results.size(), boardMs, (System.nanoTime() - start) / 1e9);
    }
}
