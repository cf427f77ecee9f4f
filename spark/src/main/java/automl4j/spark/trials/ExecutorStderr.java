package automl4j.spark.trials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;

/**
 * Tells whether a fit on an executor that was given a GPU really trained on it, from what the native library wrote on
 * the executor's standard error meanwhile, as the engine's worker processes do on one machine. XGBoost given
 * {@code device=cuda:N} trains on the CPU without an error when its build has no CUDA, and says so only in a native
 * warning on file descriptor 2. An executor's standard error is a file where the cluster manager makes it one: YARN
 * redirects it to the container's log file ({@code /proc/self/fd/2} is that file), a standalone worker copies it into
 * the file {@code stderr} of the executor's working folder. Elsewhere (Kubernetes' container log, local mode's driver)
 * nothing can be read back and the device stays as the learner reported it. Trials at once on one executor share the
 * file, so one fit's warning also marks the others' (a build without CUDA makes them all fall back alike).
 */
final class ExecutorStderr {
    /** XGBoost's warning (3.x) when it moves a fit from the GPU to the CPU; as the engine's {@code DeviceReadBack}. */
    static final String FALLBACK = "Device is changed from GPU to CPU";
    private static final Path FILE = locate();

    private ExecutorStderr() {
    }

    /** This executor's standard error as a file, or null when it is none (or this is the driver). */
    private static Path locate() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isRegularFile(fd)) {
            return fd;
        }
        SparkEnv env = SparkEnv.get();
        Path standalone = Path.of("stderr");   // a standalone worker runs the executor in its folder of that file
        // "driver": the executor id of local mode (SparkContext.DRIVER_IDENTIFIER, which Spark keeps to itself)
        boolean executor = env != null && !env.executorId().equals("driver");
        return executor && Files.isRegularFile(standalone) ? standalone.toAbsolutePath() : null;
    }

    /** Where the file ends now (pass it to {@link #fellBack}), or -1 when there is no file to read back. */
    static long mark() {
        System.err.flush();
        try {
            return FILE == null ? -1 : Files.size(FILE);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether the library wrote its fallback warning since {@code mark}; false when nothing can be read back. */
    static boolean fellBack(long mark) {
        if (mark < 0) {
            return false;
        }
        System.err.flush();
        try (SeekableByteChannel ch = Files.newByteChannel(FILE)) {
            ch.position(mark);
            try (InputStream in = Channels.newInputStream(ch)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(FALLBACK);
            }
        } catch (IOException e) {
            return false;
        }
    }
}
