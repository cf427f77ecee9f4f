package automl4j.spark.trials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StandaloneCluster} for the benchmarks of other packages (a master and workers as JVMs of their own on the
 * loopback interface), with what a benchmark reads from it: the master's URL, the jars to ship, and the executors'
 * peak resident memory before they stop.
 */
public final class BenchCluster implements AutoCloseable {
    private final StandaloneCluster cluster;
    private final List<ProcessHandle> executors = new ArrayList<>();

    private BenchCluster(StandaloneCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} (Spark's size form) each.
     *
     * @throws IOException if a process cannot be started
     */
    public static BenchCluster start(Path dir, int workers, int cores, String memory) throws IOException, InterruptedException {
        return new BenchCluster(StandaloneCluster.start(Files.createDirectories(dir), workers, cores, memory));
    }

    /** The master's URL. */
    public String masterUrl() {
        return cluster.masterUrl();
    }

    /** The jars of the run's own classes, comma-separated, for {@code spark.jars}. */
    public String appJars() {
        return cluster.appJars();
    }

    /**
     * The largest resident memory any executor JVM has had (Linux's {@code VmHWM}), in MiB, over the executors running
     * now or seen by an earlier call; -1 where the system does not say.
     */
    public long executorPeakRssMiB() {
        for (ProcessHandle h : cluster.executors()) {
            if (executors.stream().noneMatch(e -> e.pid() == h.pid())) {
                executors.add(h);
            }
        }
        long peak = -1;
        for (ProcessHandle h : executors) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone, or not Linux: no figure for it
            }
        }
        return peak;
    }

    /** Stops every process of the cluster. */
    @Override
    public void close() {
        cluster.close();
    }
}
