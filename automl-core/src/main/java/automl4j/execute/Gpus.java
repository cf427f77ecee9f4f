package automl4j.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The NVIDIA GPUs of this machine, as {@code nvidia-smi} lists them. Found once per JVM: a run reports them at its
 * start. No {@code nvidia-smi} on the path, or one that fails, means no GPUs.
 */
public final class Gpus {
    private static final long TIMEOUT_SECONDS = 10;
    private static volatile List<Gpu> found;

    private Gpus() {
    }

    /**
     * One GPU.
     *
     * @param index       the CUDA device index ({@code cuda:index})
     * @param name        the product name
     * @param memoryMib   total memory in MiB
     */
    public record Gpu(int index, String name, long memoryMib) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cuda:%d %s (%d MiB)", index, name, memoryMib);
        }
    }

    /** The GPUs found on this machine (asked once, then remembered). */
    public static List<Gpu> detected() {
        List<Gpu> g = found;
        if (g == null) {
            g = query();
            found = g;
        }
        return g;
    }

    private static List<Gpu> query() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=index,name,memory.total", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? parse(out) : List.of();
        } catch (IOException e) {
            return List.of();   // no nvidia-smi: no NVIDIA driver, so no usable GPU
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The GPUs in {@code nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits} output. */
    static List<Gpu> parse(String csv) {
        List<Gpu> out = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length != 3) {
                continue;
            }
            try {
                out.add(new Gpu(Integer.parseInt(f[0].trim()), f[1].trim(), Long.parseLong(f[2].trim())));
            } catch (NumberFormatException e) {
                // A line that is not a GPU (a driver message): skip it.
            }
        }
        return List.copyOf(out);
    }

    /**
     * One line for the run's start: the GPUs, or that there are none, and which learners' trials may use them.
     *
     * @param learners the learners whose trials may run on a GPU in this run
     */
    public static String describe(List<Gpu> gpus, List<String> learners) {
        if (gpus.isEmpty()) {
            return "GPUs: none found (nvidia-smi absent or lists none); trials run on the CPU";
        }
        if (learners.isEmpty()) {
            return "GPUs: " + gpus + ", not used: no learner of this run can train on a GPU in a worker process (GPU "
                    + "trials need worker processes, which read back the device really used)";
        }
        return "GPUs: " + gpus + ", one trial at a time on each, for " + learners + " (XGBoost needs its CUDA build on the "
                + "class path, built with -Dcuda; otherwise its first GPU trial trains on the CPU and the GPUs are "
                + "switched off)";
    }
}
