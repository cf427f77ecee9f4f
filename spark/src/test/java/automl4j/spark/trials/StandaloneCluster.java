package automl4j.spark.trials;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A Spark standalone cluster for a test: a master and workers, each a JVM of its own on the loopback interface, started
 * from the Maven jars of this test's class path. Its {@code SPARK_HOME}'s {@code jars/} folder links to those jars (a
 * worker starts its executors from there), and the class folders of the class path (this module's and the run's own
 * classes) become jars to ship to the executors with {@code spark.jars}. {@link #close()} stops every process it
 * started, executors included. Not thread-safe.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final long START_SECONDS = 60;

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final List<ProcessHandle> executorsSeen = new ArrayList<>();
    private final int masterPort;
    private final List<Path> appJars = new ArrayList<>();

    private StandaloneCluster(Path home, int masterPort) {
        this.home = home;
        this.masterPort = masterPort;
    }

    /**
     * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each, in {@code dir}.
     *
     * @throws IOException if a process cannot be started or the master does not listen within a minute
     */
    static StandaloneCluster start(Path dir, int workers, int cores, String memory) throws IOException, InterruptedException {
        return start(dir, workers, cores, memory, List.of());
    }

    /**
     * Starts a cluster as {@link #start(Path, int, int, String)} whose workers' JVMs get {@code workerOptions} (such as
     * {@code -Dspark.worker.resource.gpu.amount=2}: a worker reads its Spark properties from system properties too).
     */
    static StandaloneCluster start(Path dir, int workers, int cores, String memory, List<String> workerOptions)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        StandaloneCluster c = new StandaloneCluster(home, freePort());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            } else if (Files.isDirectory(p)) {
                c.appJars.add(jarOf(p, dir.resolve("app-" + c.appJars.size() + ".jar")));
            }
        }
        try {
            c.processes.add(c.launch(dir.resolve("master.log"), List.of(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(c.masterPort), "--webui-port", Integer.toString(freePort())));
            c.awaitPort(c.masterPort);
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("work-" + i));
                c.processes.add(c.launch(dir.resolve("worker-" + i + ".log"), workerOptions, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory, "--webui-port",
                        Integer.toString(freePort()), "--work-dir", work.toString(), c.masterUrl()));
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The master's URL. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The jars of the run's own classes (this module's and the class folders of the class path), comma-separated. */
    String appJars() {
        return String.join(",", appJars.stream().map(Path::toString).toList());
    }

    /** The executor JVMs running now: the workers' child processes. */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process p : processes) {
            p.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(out::add);
        }
        executorsSeen.addAll(out);
        return out;
    }

    private Process launch(Path log, List<String> options, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(options);
        command.addAll(List.of("-cp", home.resolve("jars").toString() + File.separator + "*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");   // a distribution's scripts set it; the launcher wants it
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() - end < 0) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();   // it accepts connections: listening
                return;
            } catch (IOException e) {
                if (!processes.get(0).isAlive()) {
                    throw new IOException("the Spark master exited with " + processes.get(0).exitValue());
                }
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark master did not listen on port " + port + " within " + START_SECONDS + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code folder}'s files as the jar {@code jar}. */
    private static Path jarOf(Path folder, Path jar) throws IOException {
        try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return jar;
    }

    /** Stops the workers (and their executors) and the master; kills whatever is left. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(executorsSeen);
        for (Process p : processes) {
            p.toHandle().descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        all.forEach(ProcessHandle::destroyForcibly);   // those that ignored the polite stop
    }

    /** Whether every process this cluster started, executors included, has ended. */
    boolean allStopped() {
        return processes.stream().noneMatch(Process::isAlive) && executorsSeen.stream().noneMatch(ProcessHandle::isAlive);
    }
}
