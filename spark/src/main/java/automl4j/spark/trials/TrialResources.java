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
 * Makes a trial's task take as many CPUs as the trial has threads. {@code spark.task.cpus} is fixed when the Spark
 * context starts, so a trial with more threads than that asks for them through a task resource profile (stage-level
 * scheduling: Spark's standalone, YARN and Kubernetes clusters, with or without dynamic allocation). Local mode has no
 * resource profiles: there the runner's own capacity (slots over threads) keeps the CPUs from being oversubscribed,
 * and a note says so once. Thread-safe.
 */
final class TrialResources {
    private final SparkContext sc;
    private final int taskCpus;
    private final Consumer<String> info;
    private final Map<Integer, ResourceProfile> profiles = new HashMap<>();
    private boolean noted;

    TrialResources(SparkContext sc, Consumer<String> info) {
        this.sc = sc;
        this.taskCpus = sc.getConf().getInt("spark.task.cpus", 1);
        this.info = info;
    }

    /** CPUs one task of a trial of {@code threads} threads takes. */
    int cpusPerTrial(int threads) {
        return Math.max(taskCpus, threads);
    }

    /** {@code rdd}, whose one task is a trial of {@code threads} threads, with the resource profile that says so. */
    <T> JavaRDD<T> apply(JavaRDD<T> rdd, int threads) {
        if (threads <= taskCpus) {
            return rdd;
        }
        ResourceProfile profile;
        synchronized (this) {
            if (sc.isLocal()) {
                if (!noted) {
                    noted = true;
                    info.accept("Spark local mode schedules no task resource profiles: each trial's task takes "
                            + taskCpus + " CPU(s) while its learner uses " + threads + " threads; the runner runs fewer "
                            + "trials at once instead");
                }
                return rdd;
            }
            profile = profiles.computeIfAbsent(threads,
                    t -> new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(t)).build());
        }
        return rdd.withResources(profile);
    }
}
