package automl4j.execute;

import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Worker JVMs that evaluate trials in processes of their own, so that a fit that crashes its JVM, exhausts its heap
 * or never returns costs one worker, not the run. Each worker has its own heap limit, is reused trial after trial,
 * and reads each featurization's splits once from a file the pool writes; a worker that dies or is killed at a
 * deadline is replaced by a new one on the next trial. Thread-safe: its methods hold the pool's lock (a kill at a
 * deadline comes from the timer thread).
 */
final class WorkerPool implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CONNECT_TIMEOUT_MILLIS = 60_000;
    /** How long an accepted connection has to send its token before it is closed. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 2_000;
    /** Seconds a worker recording the class archive may take to write it at exit. */
    private static final long RECORDING_EXIT_SECONDS = 10;
    /** Characters of a crashed worker's standard error quoted in its trial's outcome. */
    private static final int LAST_WORDS = 300;

    /**
     * A worker's answer.
     *
     * @param outcome     how the trial ended
     * @param loss        its validation loss, NaN if it did not complete
     * @param predictions its flattened validation predictions, or null
     */
    record Result(TrialOutcome outcome, double loss, float[] predictions) {
    }

    private final int size;
    private final int heapMb;
    private final automl4j.internal.RunTempFolder temp;   // split files, and each worker's java.io.tmpdir
    private final Path dir;
    private final ServerSocket server;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<String, Process> launched = new HashMap<>();   // by token: started, not yet connected
    private final Map<String, Path> splitFiles = new HashMap<>();
    private final Map<String, Path> errorFiles = new HashMap<>();   // by token: each worker's standard error
    private int launches;
    private final SplitStore store;
    private final WorkerClassArchive archive;
    private final Set<Process> mapping = new HashSet<>();
    private volatile boolean closing;   // launched with the class archive, not yet connected

    /**
     * A pool of up to {@code size} workers of {@code heapMb} MiB heap each, whose JVMs use or record {@code archive}.
     *
     * @throws UncheckedIOException if the loopback socket or the folder for the split files cannot be made
     */
    WorkerPool(int size, int heapMb, SplitStore store, WorkerClassArchive archive) {
        this.store = java.util.Objects.requireNonNull(store, "store");
        this.archive = java.util.Objects.requireNonNull(archive, "archive");
        this.size = size;
        this.heapMb = heapMb;
        automl4j.internal.RunTempFolder t = null;
        try {
            t = automl4j.internal.RunTempFolder.create();
            this.server = new ServerSocket(0, size * 2, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            if (t != null) {
                t.close();
            }
            throw new UncheckedIOException("cannot prepare worker processes: " + e.getMessage(), e);
        }
        this.temp = t;
        this.dir = t.path();
    }

    /**
     * Starts the processes of all workers without waiting for them, so that their JVMs start while the first trials
     * run in-process.
     */
    synchronized void launchAll() throws IOException {
        while (workers.size() + launched.size() < size) {
            launch();
        }
    }

    /**
     * Waits until a worker is connected and idle, starting one if needed, so that the next {@link #submit} starts
     * its trial at once (a trial's time should not include a JVM's start).
     *
     * @throws IOException if no worker can be started or reached
     */
    synchronized void ready() throws IOException {
        idleWorker();
    }

    /** The loopback port workers connect to. */
    int port() {
        return server.getLocalPort();
    }

    /** Heap of each worker in MiB. */
    int heapMb() {
        return heapMb;
    }

    /**
     * Starts {@code trial} on an idle worker (starting one if needed).
     *
     * @param device        where its fits train ({@code cpu} or {@code cuda:N}); the outcome's device is {@code cpu}
     *                      if the learner's library fell back to the CPU
     * @param deadlineNanos its soft deadline
     * @return its result; completed with {@link TrialOutcome.Crashed} or {@link TrialOutcome.OutOfMemory} if the
     *         worker dies first
     * @throws IOException if no worker can be started or reached, or its split set cannot be written
     */
    synchronized CompletableFuture<Result> submit(TrialTask trial, String device, long deadlineNanos) throws IOException {
        Worker w = idleWorker();
        String key = trial.splitSetKey();
        Path file = splitsFile(key);
        ObjectNode config = JSON.createObjectNode();
        ConfigJson.write(config, trial.config());
        CompletableFuture<Result> result = new CompletableFuture<>();
        w.busy = trial;
        w.result = result;
        w.started = System.nanoTime();
        try {
            if (w.loaded.add(key)) {
                w.out.writeByte(WorkerProtocol.SPLITS);
                w.out.writeUTF(key);
                w.out.writeUTF(file.toString());
            }
            w.out.writeByte(WorkerProtocol.EVALUATE);
            w.out.writeInt(trial.trialId());
            w.out.writeLong(trial.seed());
            WorkerProtocol.writeText(w.out, JSON.writeValueAsString(config));
            w.out.writeUTF(trial.learnerId());
            w.out.writeUTF(trial.metricId());
            w.out.writeUTF(key);
            w.out.writeInt(trial.threads());
            w.out.writeUTF(device);
            w.out.writeLong(Math.max(0, deadlineNanos - System.nanoTime()));
            WorkerProtocol.writeDoubles(w.out, trial.pruning().thresholds());
            w.out.writeBoolean(trial.wantsPredictions());
            WorkerProtocol.writeRowRungs(w.out, trial.rowRungs());
            w.out.flush();
        } catch (IOException e) {
            // It died between trials; the reader thread completes the result with how it ended.
            w.process.destroyForcibly();
        }
        return result;
    }

    /** Kills the worker running {@code trial} (at its hard deadline); it is replaced on the next submit. */
    synchronized void kill(TrialTask trial) {
        for (Worker w : workers) {
            if (w.busy != null && w.busy.trialId() == trial.trialId()) {
                w.killed = true;
                w.dead = true;   // at once: the process may take a moment to go, and the next trial needs a worker now
                w.process.destroyForcibly();
            }
        }
    }

    /** The file holding the split set {@code key}, written from the store when first needed (once per run). */
    private Path splitsFile(String key) throws IOException {
        Path file = splitFiles.get(key);
        if (file == null) {
            file = dir.resolve("s" + splitFiles.size() + ".bin");   // not the key: it holds '=' and ';'
            List<PreparedSplit> splits = store.splits(key);
            try (OutputStream raw = Files.newOutputStream(file)) {
                SplitCodec.write(new DataOutputStream(new BufferedOutputStream(raw, 1 << 16)), splits);
            }
            splitFiles.put(key, file);
        }
        return file;
    }

    private Worker idleWorker() throws IOException {
        workers.removeIf(w -> {
            if (w.alive()) {
                return false;
            }
            archive.ended(w.process);   // a recorder that died cleanly still leaves a usable archive
            return true;
        });
        for (Worker w : workers) {
            if (w.busy == null) {
                return w;
            }
        }
        if (workers.size() >= size) {
            // Cannot happen while the search starts at most one trial per slot; a bug must not stop the run.
            throw new IOException("all " + size + " workers are busy");
        }
        dropDeadLaunches();
        if (launched.isEmpty()) {
            launch();
        }
        Worker w = connect();
        workers.add(w);
        return w;
    }

    private void launch() throws IOException {
        String token = UUID.randomUUID().toString();
        Path stderr = dir.resolve("worker-" + (++launches) + ".err");   // not the token: this path is on the command line
        List<String> cds = archive.optionsForLaunch();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
        command.addAll(WorkerJvmOptions.startUp());
        command.addAll(cds);
        command.addAll(List.of("-Djava.io.tmpdir=" + dir,   // native libraries it unpacks go where close() deletes them
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"),   // a native crash's report too, not the working folder
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                Integer.toString(server.getLocalPort()), stderr.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
        archive.launched(process, cds);
        if (cds.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="))) {
            mapping.add(process);
        }
        // The token goes on the worker's standard input, not its command line, which any local user reads in /proc.
        try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII)) {
            w.write(token + "\n");
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
        launched.put(token, process);
        errorFiles.put(token, stderr);
    }

    /**
     * Forgets launched workers that died before connecting; if one had mapped the class archive, the archive is
     * dropped and a worker without it takes its place (a broken archive costs speed, never the workers).
     */
    private void dropDeadLaunches() throws IOException {
        List<Process> dead = launched.values().stream().filter(p -> !p.isAlive()).toList();
        launched.values().removeAll(dead);
        for (Process p : dead) {
            archive.ended(p);
            if (mapping.remove(p)) {
                archive.rejected();
                launch();
            }
        }
    }

    /** The first launched worker to connect. */
    private Worker connect() throws IOException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MILLIS);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            dropDeadLaunches();
            if (left <= 0 || launched.isEmpty()) {
                launched.values().forEach(Process::destroyForcibly);
                launched.clear();
                throw new IOException("no worker process connected within " + CONNECT_TIMEOUT_MILLIS / 1000
                        + " s, or they exited at start (is " + System.getProperty("java.home") + "/bin/java usable, and are "
                        + "this library's classes on java.class.path?)");
            }
            server.setSoTimeout((int) Math.min(left, 500));
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                continue;
            }
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String token = null;
            try {
                // Any local process can connect: one that stays silent must not hold up the real workers.
                socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                token = in.readUTF();
                socket.setSoTimeout(0);
            } catch (IOException e) {
                // silent or garbled: not one of ours
            }
            Process process = token == null ? null : launched.remove(token);
            if (process == null) {
                socket.close();   // silent, or not one of ours
                continue;
            }
            mapping.remove(process);   // it started: the archive (if it mapped one) is sound
            Worker w = new Worker(process, socket, in, new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())),
                    errorFiles.get(token));
            Thread reader = new Thread(w::read, "automl4j-worker-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            return w;
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        launched.values().forEach(Process::destroyForcibly);
        launched.values().forEach(archive::ended);
        for (Worker w : workers) {
            try {
                w.out.writeByte(WorkerProtocol.EXIT);
                w.out.flush();
            } catch (IOException e) {
                // already gone
            }
        }
        for (Worker w : workers) {
            try {
                // The worker recording the class archive writes it as it exits (about a second, once per class path).
                if (!w.process.waitFor(archive.isRecorder(w.process) ? RECORDING_EXIT_SECONDS : 2, TimeUnit.SECONDS)) {
                    w.process.destroyForcibly();
                    w.process.waitFor(2, TimeUnit.SECONDS);
                }
                archive.ended(w.process);
            } catch (InterruptedException e) {
                w.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do: the pool is done
        }
        temp.close();   // the split files, the workers' standard error and what they unpacked
    }

    /** One worker process and the trial it runs. */
    private final class Worker {
        final Process process;
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;
        final Set<String> loaded = new HashSet<>();
        volatile TrialTask busy;
        volatile CompletableFuture<Result> result;
        volatile long started;
        volatile boolean killed;
        volatile boolean dead;
        final Path stderr;

        Worker(Process process, Socket socket, DataInputStream in, DataOutputStream out, Path stderr) {
            this.stderr = stderr;
            this.process = process;
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        boolean alive() {
            return !dead && process.isAlive();
        }

        /** Reads results until the worker's connection ends, then settles the trial it was running. */
        void read() {
            try {
                while (true) {
                    byte kind = in.readByte();
                    if (kind != WorkerProtocol.RESULT) {
                        throw new IOException("unknown message " + kind);
                    }
                    int id = in.readInt();
                    TrialOutcome outcome = OutcomeJson.read(JSON.readTree(WorkerProtocol.readText(in)));
                    double loss = in.readDouble();
                    float[] predictions = WorkerProtocol.readFloats(in);
                    CompletableFuture<Result> r = result;
                    if (busy != null && busy.trialId() == id) {
                        busy = null;
                        result = null;
                        r.complete(new Result(outcome, loss, predictions));
                    }
                }
            } catch (IOException | RuntimeException e) {
                dead = true;
                if (!closing) {
                    process.destroyForcibly();   // at close, each worker exits on its own (or is killed if it lingers)
                }
                int code = exitCode(process);
                TrialTask trial = busy;
                CompletableFuture<Result> r = result;
                busy = null;
                if (trial != null && r != null) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    r.complete(new Result(died(trial, code, seconds), Double.NaN, null));
                }
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a dead connection
                }
            }
        }

        private TrialOutcome died(TrialTask trial, int code, double seconds) {
            String what = "trial " + trial.trialId() + " (" + trial.config() + ")";
            if (code == WorkerProtocol.OUT_OF_MEMORY_EXIT && !killed) {
                return new TrialOutcome.OutOfMemory(what + " ran out of memory: its worker exceeded its " + heapMb
                        + " MiB heap", seconds);
            }
            String how = code > 128 ? "was killed by signal " + (code - 128) + signalName(code - 128) : "exited with code " + code;
            return new TrialOutcome.Crashed(what + " crashed: its worker process " + how + lastWords(), seconds);
        }

        /** The end of what the worker wrote on its standard error (a native library's last message), or nothing. */
        private String lastWords() {
            if (killed || stderr == null) {
                return "";
            }
            try {
                String text = DeviceReadBack.textFrom(stderr, Math.max(0, Files.size(stderr) - 4 * LAST_WORDS)).strip();
                if (text.isEmpty()) {
                    return "";
                }
                return "; its last output: " + (text.length() > LAST_WORDS ? "..." + text.substring(text.length() - LAST_WORDS) : text);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private static int exitCode(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }
}
