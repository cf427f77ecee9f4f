package automl4j.spark.trials;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Makes a trial's task take as many CPUs as the trial has threads, and a GPU when the trial was given one.
 * {@code spark.task.cpus} and {@code spark.task.resource.gpu.amount} are fixed when the Spark context starts, so a trial
 * that needs otherwise asks through a task resource profile (stage-level scheduling: Spark's standalone, YARN and
 * Kubernetes clusters, with dynamic allocation off for a profile of task resources only): a trial of more threads asks
 * for its CPUs, a GPU trial for its GPU, and a CPU trial in a session whose tasks take a GPU by default for none. Local
 * mode has no resource profiles: there the runner's own capacity (slots over threads) keeps the CPUs from being
 * oversubscribed, and a note says so once; its GPUs are handed out by {@link TrialGpus}. Thread-safe.
 */
final class TrialResources {
    private final SparkContext sc;
    private final int taskCpus;
    private final double taskGpus;
    private final Consumer<String> info;
    private final Map<String, ResourceProfile> profiles = new HashMap<>();
    private boolean noted;

    TrialResources(SparkContext sc, Consumer<String> info) {
        this.sc = sc;
        this.taskCpus = sc.getConf().getInt("spark.task.cpus", 1);
        this.taskGpus = sc.getConf().getDouble(TrialGpus.TASK_AMOUNT, 0);
        this.info = info;
    }

    /** CPUs one task of a trial of {@code threads} threads takes. */
    int cpusPerTrial(int threads) {
        return Math.max(taskCpus, threads);
    }

    /**
     * {@code rdd}, whose one task is a trial of {@code threads} threads taking {@code gpus} GPUs (0 for none), with the
     * resource profile that says so.
     */
    <T> JavaRDD<T> apply(JavaRDD<T> rdd, int threads, double gpus) {
        if (sc.isLocal()) {
            if (threads > taskCpus) {
                synchronized (this) {
                    if (!noted) {
                        noted = true;
                        info.accept("Spark local mode schedules no task resource profiles: each trial's task takes "
                                + taskCpus + " CPU(s) while its learner uses " + threads + " threads; the runner runs fewer "
                                + "trials at once instead");
                    }
                }
            }
            return rdd;
        }
        TaskResourceRequests task = requests(taskCpus, taskGpus, threads, gpus);
        if (task == null) {
            return rdd;
        }
        ResourceProfile profile;
        synchronized (this) {
            profile = profiles.computeIfAbsent(cpusPerTrial(threads) + "/" + gpus,
                    k -> new ResourceProfileBuilder().require(task).build());
        }
        return rdd.withResources(profile);
    }

    /**
     * What the task of a trial of {@code threads} threads and {@code gpus} GPUs asks for in a session whose tasks take
     * {@code taskCpus} CPUs and {@code taskGpus} GPUs by default: its CPUs, and its GPUs if any (none when it has none,
     * even if the default asks for some); or null when the default asks for just that.
     */
    static TaskResourceRequests requests(int taskCpus, double taskGpus, int threads, double gpus) {
        int cpus = Math.max(taskCpus, threads);
        if (cpus == taskCpus && gpus == taskGpus) {
            return null;
        }
        TaskResourceRequests task = new TaskResourceRequests().cpus(cpus);
        if (gpus > 0) {
            task.resource(TrialGpus.GPU, gpus);
        }
        return task;
    }
}
