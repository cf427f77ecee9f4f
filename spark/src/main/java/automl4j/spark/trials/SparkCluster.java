package automl4j.spark.trials;

import automl4j.execute.TrialRunnerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session that a command starts for its trials, and stops when done: what the command line's
 * {@code spark: {master: …, conf: {…}}} section builds. Its signatures use no Spark type, so that a caller can be
 * compiled and shipped without Spark and tell its user clearly when Spark is not on the class path ({@link #available()}).
 *
 * <p>Defaults it sets unless the conf (or {@code spark-submit}) sets them: {@code spark.task.maxFailures=1} (the runner
 * retries a lost trial once itself), and {@code spark.jars} = the caller's own jar when the master is not local (so that
 * executors can rebuild the learners). On a cluster master it waits for executors to register before the search starts,
 * so that the runner's capacity counts them, and fails clearly when none comes. Not thread-safe; close it once.
 */
public final class SparkCluster implements AutoCloseable {
    /** The {@code spark.master} value that takes the master {@code spark-submit --master} gave. */
    public static final String FROM_SUBMIT = "submit";
    /** Longest wait for the first executor of a cluster master, unless {@link #EXECUTOR_WAIT_PROPERTY} says otherwise. */
    public static final Duration EXECUTOR_WAIT = Duration.ofSeconds(60);
    /**
     * The Spark property that sets the longest wait for the first executor in seconds (a cluster that starts executors
     * slowly, such as Kubernetes pulling an image, may need more than {@link #EXECUTOR_WAIT}).
     */
    public static final String EXECUTOR_WAIT_PROPERTY = "spark.automl4j.executorWaitSeconds";
    /** How long the executors may take to register after the first one before the search starts without them. */
    private static final long SETTLE_MILLIS = 3_000;

    private final SparkSession session;

    private SparkCluster(SparkSession session) {
        this.session = session;
    }

    /** Whether Spark's classes are on this JVM's class path (they are not in AutoML4J's jar: users bring Spark). */
    public static boolean available() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkCluster.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a session on {@code master} with {@code conf}, and on a cluster waits until its executors have registered.
     *
     * @param master  a Spark master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}, …) or
     *                {@link #FROM_SUBMIT}
     * @param conf    Spark properties, each applied as given
     * @param appName the application's name, unless the conf or {@code spark-submit} names it
     * @param ownJar  the jar holding AutoML4J and its learners, shipped to the executors unless {@code spark.jars} is set;
     *                null when the caller does not run from a jar
     * @param info    receives one line about the cluster once it is up
     * @throws IllegalArgumentException naming {@code spark.master} when it is {@link #FROM_SUBMIT} outside
     *                                  {@code spark-submit}, or Spark refuses it; naming
     *                                  {@code spark.task.resource.gpu.amount} when it is set for a local master, where
     *                                  Spark never starts a task that asks for a GPU
     * @throws IllegalStateException    naming {@code spark.master} when no executor registered within
     *                                  {@link #EXECUTOR_WAIT} or {@link #EXECUTOR_WAIT_PROPERTY} (the session is stopped)
     */
    public static SparkCluster start(String master, Map<String, String> conf, String appName, String ownJar, Consumer<String> info) {
        Objects.requireNonNull(master, "master");
        SparkConf sparkConf = new SparkConf();   // with spark-submit's settings (system properties)
        if (master.equals(FROM_SUBMIT)) {
            if (!sparkConf.contains("spark.master")) {
                throw new IllegalArgumentException("spark.master is '" + FROM_SUBMIT + "', but no master was given by "
                        + "spark-submit (--master); run the jar with spark-submit or give a master URL such as local[4] or "
                        + "spark://host:7077");
            }
        } else {
            sparkConf.setMaster(master);
        }
        conf.forEach(sparkConf::set);
        sparkConf.setIfMissing("spark.app.name", appName);
        sparkConf.setIfMissing("spark.task.maxFailures", "1");
        boolean local = sparkConf.get("spark.master").startsWith("local");
        TrialGpus.refuseTaskGpusInLocalMode(sparkConf);   // before the session: its every job would wait forever
        if (!local && ownJar != null && !sparkConf.contains("spark.jars")) {
            sparkConf.set("spark.jars", ownJar);
        }
        SparkSession session;
        try {
            session = SparkSession.builder().config(sparkConf).getOrCreate();
        } catch (RuntimeException e) {
            // A standalone master that never answers makes Spark give up after its own registration retries (about a
            // minute) and throw about its stopped context: the first sentence is what can be said.
            String reason = SparkTrialRunner.reason(e);
            int end = reason.indexOf(". ");
            throw new IllegalArgumentException("spark.master '" + sparkConf.get("spark.master") + "': Spark could not start "
                    + "an application there (" + (end > 0 ? reason.substring(0, end) : reason) + "); check the master URL and "
                    + "that the master is reachable from this machine", e);
        }
        SparkCluster cluster = new SparkCluster(session);
        if (!local) {
            cluster.awaitExecutors();
        }
        info.accept("Spark " + session.version() + " on " + session.sparkContext().master() + ": "
                + (session.sparkContext().statusTracker().getExecutorInfos().length - (local ? 0 : 1)) + " executor(s), "
                + session.sparkContext().defaultParallelism() + " task slots");
        return cluster;
    }

    /** Waits for the first executor, then briefly for the rest; stops the session if none comes. */
    private void awaitExecutors() {
        SparkContext sc = session.sparkContext();
        long waitSeconds = sc.getConf().getLong(EXECUTOR_WAIT_PROPERTY, EXECUTOR_WAIT.toSeconds());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        int seen = 0;
        long lastChange = 0;
        try {
            while (!sc.isStopped()) {
                int executors = sc.statusTracker().getExecutorInfos().length - 1;   // the driver is listed too
                long now = System.nanoTime();
                if (executors != seen) {
                    seen = executors;
                    lastChange = now;
                }
                if (seen > 0 && now - lastChange > SETTLE_MILLIS * 1_000_000L || seen == 0 && now - end > 0) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (seen == 0) {
            String master = sc.master();
            String gpus = sc.getConf().get(TrialGpus.EXECUTOR_AMOUNT, "");
            session.stop();
            throw new IllegalStateException("spark.master '" + master + "': no Spark executor registered within "
                    + waitSeconds + " s (" + EXECUTOR_WAIT_PROPERTY + "); check that the master is reachable from this "
                    + "machine and has workers with free cores and enough memory for spark.executor.memory"
                    + (gpus.isEmpty() ? "" : " and the " + gpus + " GPU(s) of " + TrialGpus.EXECUTOR_AMOUNT
                    + " (spark.worker.resource.gpu.*)"));
        }
    }

    /** The runner factory of this cluster, for {@code AutoMl.builder().trialRunner(..)}. */
    public TrialRunnerFactory trialRunner() {
        return SparkTrialRunner.factory(session);
    }

    /** The session (a Spark type: callers compiled without Spark do not call this). */
    public SparkSession session() {
        return session;
    }

    /** Stops the session and its executors. */
    @Override
    public void close() {
        session.stop();
    }
}
