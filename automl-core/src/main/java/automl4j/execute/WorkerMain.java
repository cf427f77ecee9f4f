package automl4j.execute;

import automl4j.space.Config;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The main class of a worker process: connects back to the engine, reads each featurization's splits once (its
 * {@link SplitStore} loads a key's file when a trial first names it), rebuilds learners and metrics by id through
 * {@link PluginRegistry}, and evaluates the trials it is sent, one at a time, exactly as the engine would in-process.
 * An id it cannot rebuild fails that trial with a message naming the id and the services file to add. Standard output is
 * redirected to standard error so that nothing a library prints can reach the engine as a message.
 */
public final class WorkerMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Path> splitFiles = new java.util.concurrent.ConcurrentHashMap<>();
    private final SplitStore splits = SplitStore.loading(this::load);
    private final DeviceReadBack readBack;
    private final Supplier<PluginRegistry> plugins;

    private WorkerMain(DeviceReadBack readBack, Supplier<PluginRegistry> plugins) {
        this.readBack = readBack;
        this.plugins = plugins;
    }

    /**
     * The plug-ins on the class path, found before the worker connects, so that the first trial's time does not
     * include loading every provider; what discovery threw (two providers of one id) fails each trial instead.
     */
    private static Supplier<PluginRegistry> discoverPlugins() {
        try {
            PluginRegistry found = PluginRegistry.discovered();
            return () -> found;
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            return () -> {
                throw new IllegalStateException("this worker cannot load its plug-ins: " + e.getMessage(), e);
            };
        }
    }

    /**
     * Runs the worker.
     *
     * @param args the engine's port and the file this process's standard error goes to (to read back the device of GPU
     *             trials); the first line of standard input is the token that proves the connection is the one the
     *             engine started (never on the command line, which other local users can read)
     */
    public static void main(String[] args) throws IOException {
        System.setOut(System.err);
        // Libraries' progress records (Tribuo logs every tree at INFO) would cost time to format and fill the stderr
        // file that the device read-back scans; the engine keeps only warnings too.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (token == null) {
            throw new IOException("no token on standard input");
        }
        Supplier<PluginRegistry> plugins = discoverPlugins();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            socket.setTcpNoDelay(true);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out.writeUTF(token);
            out.flush();
            new WorkerMain(new DeviceReadBack(Path.of(args[1])), plugins).serve(in, out);
            // A library's non-daemon thread must not keep the JVM past its EXIT. The exit comes before the socket
            // closes: a JVM recording the class archive writes it as it exits, and the engine takes a connection that
            // ends early for a dead worker.
            System.exit(0);
        }
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            byte kind;
            try {
                kind = in.readByte();
            } catch (EOFException e) {
                return;   // the engine is gone
            }
            if (kind == WorkerProtocol.EXIT) {
                return;
            } else if (kind == WorkerProtocol.SPLITS) {
                splitFiles.put(in.readUTF(), Path.of(in.readUTF()));
            } else if (kind == WorkerProtocol.EVALUATE) {
                evaluate(in, out);
            } else {
                throw new IOException("unknown message " + kind);
            }
        }
    }

    private void evaluate(DataInputStream in, DataOutputStream out) throws IOException {
        int id = in.readInt();
        long seed = in.readLong();
        Config config = ConfigJson.read(JSON.readTree(WorkerProtocol.readText(in)));
        String learnerId = in.readUTF();
        String metricId = in.readUTF();
        String key = in.readUTF();
        int threads = in.readInt();
        String device = in.readUTF();
        long deadline = System.nanoTime() + in.readLong();

        TrialTask trial = new TrialTask(id, config, seed, key, metricId, new TrialTask.Deadline(deadline, Long.MAX_VALUE / 4, 0),
                new Pruning(WorkerProtocol.readDoubles(in)), threads, in.readBoolean(), WorkerProtocol.readRowRungs(in));
        long start = System.nanoTime();
        float[][] predictions = new float[1][];
        double[] loss = {Double.NaN};
        TrialOutcome outcome;
        try {
            PluginRegistry registry = plugins.get();
            var learner = registry.learner(learnerId);
            TrialEvaluator evaluator = new TrialEvaluator(registry.metric(metricId));
            List<PreparedSplit> data = splits.splits(key);
            PredictionSink sink = (t, l, loss1, p) -> {
                loss[0] = loss1;
                predictions[0] = p;
            };
            long mark = readBack.mark();
            outcome = TrialExecutor.of(1, threads).start(() -> evaluator.evaluate(trial, learner, data, deadline, device, sink),
                    threads).join();
            if (!device.equals(automl4j.learn.FitContext.CPU) && outcome instanceof TrialOutcome.Completed c
                    && readBack.fellBack(mark)) {
                outcome = c.onDevice(automl4j.learn.FitContext.CPU);
            }
        } catch (CompletionException e) {
            outcome = Failures.of(trial, e.getCause() != null ? e.getCause() : e, (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            outcome = Failures.of(trial, e, (System.nanoTime() - start) / 1e9);
        }
        ObjectNode n = JSON.createObjectNode();
        OutcomeJson.write(n, outcome);
        out.writeByte(WorkerProtocol.RESULT);
        out.writeInt(id);
        WorkerProtocol.writeText(out, JSON.writeValueAsString(n));
        out.writeDouble(loss[0]);
        WorkerProtocol.writeFloats(out, outcome instanceof TrialOutcome.Completed ? predictions[0] : null);
        out.flush();
    }

    /** The split set the engine wrote for {@code key}, read from its file. */
    private List<PreparedSplit> load(String key) {
        Path file = splitFiles.get(key);
        if (file == null) {
            throw new IllegalStateException("no splits were sent for split set '" + key + "'");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return SplitCodec.read(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the splits of '" + key + "' from " + file, e);
        }
    }
}
