package automl4j.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Tells whether a fit asked to train on a GPU really did, from what the native library wrote on the worker's standard
 * error meanwhile. XGBoost given {@code device=cuda:N} trains on the CPU without an error when its build has no CUDA
 * or it finds no usable GPU, and says so only in a native warning on file descriptor 2, which Java cannot intercept;
 * a worker's standard error therefore goes to a file that the worker reads after each GPU trial.
 */
final class DeviceReadBack {
    /** The start of XGBoost's warning (3.x, CPU and CUDA builds alike) when it moves a fit from the GPU to the CPU. */
    static final String FALLBACK = "Device is changed from GPU to CPU";

    private final Path stderr;

    /** Reads back through {@code stderr}, the file this process's standard error is written to. */
    DeviceReadBack(Path stderr) {
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    /** Where the file ends now: pass it to {@link #fellBack} after the fit. */
    long mark() {
        System.err.flush();
        try {
            return Files.size(stderr);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether the library wrote its fallback warning since {@code mark}. True also when the file cannot be read: a
     * device that cannot be confirmed is not reported as a GPU.
     */
    boolean fellBack(long mark) {
        System.err.flush();
        try {
            return textFrom(stderr, mark).contains(FALLBACK);
        } catch (IOException e) {
            return true;
        }
    }

    /** What {@code file} holds from byte {@code position} on, as UTF-8 (a character cut at the start is replaced). */
    static String textFrom(Path file, long position) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(position);
            try (InputStream in = Channels.newInputStream(ch)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
