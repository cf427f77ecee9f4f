package automl4j.spark.trials;

import automl4j.execute.TrialOutcome;
import automl4j.learn.FitContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Which trials of a Spark trial runner take a GPU, and how many may at once. Only trials of learners that can train on a
 * GPU ({@code LearnerTraits.usesGpu()}) take one; while every GPU slot is busy they run on the CPU, so that a trial never
 * waits in Spark's queue for a GPU while its deadline runs.
 *
 * <ul>
 *   <li><b>A cluster</b> whose executors have GPUs ({@code spark.executor.resource.gpu.amount} &gt; 0): a GPU trial's
 *       task asks Spark for {@code spark.task.resource.gpu.amount} GPUs (1 unless set) through a task resource profile,
 *       and uses the address Spark's scheduler assigned it ({@link #TASK_GPU}); Spark gives tasks running at once on
 *       an executor distinct addresses. GPU slots: the registered executors times their GPUs over the task's amount.
 *       Task resource profiles need dynamic allocation off (Spark 4.2 on standalone, YARN and Kubernetes); with it on,
 *       trials take no GPU and a note says why.</li>
 *   <li><b>Local mode</b>: Spark 4.2's local scheduler offers its tasks no resources, so a task that asks for a GPU
 *       waits forever: {@code spark.task.resource.gpu.amount} is refused there. The driver's own GPUs
 *       ({@code spark.driver.resource.gpu.amount} with a discovery script) are handed out by this class instead, one
 *       trial per address.</li>
 * </ul>
 * A GPU trial whose outcome says it trained on the CPU (a learner without its GPU build; for XGBoost as read back by
 * {@link ExecutorStderr}) stops GPU trials for the rest of the runner's life, with one note, as the engine's routing
 * runner does on one machine. Thread-safe.
 */
final class TrialGpus {
    /** The device of a request whose task takes the GPU address Spark assigned it. */
    static final String TASK_GPU = "spark-task-gpu";
    /** The Spark resource name of GPUs, as the discovery scripts and the {@code spark.*.resource.gpu.*} keys name it. */
    static final String GPU = "gpu";
    /** GPUs per executor: the executors have GPUs when it is above 0. */
    static final String EXECUTOR_AMOUNT = "spark.executor.resource.gpu.amount";
    /** GPUs every task takes by default; a GPU trial takes as many (1 when unset), a CPU trial none. */
    static final String TASK_AMOUNT = "spark.task.resource.gpu.amount";

    /**
     * What a trial was given.
     *
     * @param device  {@link FitContext#CPU}, {@link #TASK_GPU}, or {@code cuda:N} of the driver's GPU N in local mode
     * @param address the driver's GPU the trial holds in local mode, or null
     */
    record Grant(String device, String address) {
        static final Grant CPU = new Grant(FitContext.CPU, null);

        boolean gpu() {
            return !device.equals(FitContext.CPU);
        }
    }

    private final Set<String> gpuLearners;
    private final Consumer<String> info;
    private final int slots;
    private final double taskAmount;
    private final ArrayDeque<String> freeAddresses;   // local mode: the driver's GPUs; null on a cluster
    private int busy;
    private boolean disabled;

    /**
     * The GPUs of {@code sc}'s executors (or driver, in local mode) for trials of {@code gpuLearners}.
     *
     * @throws IllegalArgumentException naming {@value #TASK_AMOUNT} when it is set in local mode (every task would wait)
     */
    TrialGpus(SparkContext sc, Set<String> gpuLearners, Consumer<String> info) {
        refuseTaskGpusInLocalMode(sc.getConf());
        this.gpuLearners = Set.copyOf(gpuLearners);
        this.info = info;
        SparkConf conf = sc.getConf();
        double task = conf.getDouble(TASK_AMOUNT, 0);
        this.taskAmount = task > 0 ? task : 1;
        if (sc.isLocal()) {
            List<String> addresses = driverGpus(sc);
            this.freeAddresses = new ArrayDeque<>(addresses);
            this.slots = addresses.size();
            if (!gpuLearners.isEmpty()) {
                info.accept(addresses.isEmpty()
                        ? "Spark local mode: no GPU for trials of " + sorted(gpuLearners) + " (local mode schedules no task "
                        + "GPUs; give the driver GPUs with spark.driver.resource.gpu.amount and a discovery script to use "
                        + "them); they run on the CPU"
                        : "Spark local mode: the driver's GPUs " + addresses.stream().map(a -> "cuda:" + a).toList() + ", one "
                        + "trial at a time on each, for " + sorted(gpuLearners) + " (handed out by the runner: local mode "
                        + "schedules no task GPUs)");
            }
            return;
        }
        this.freeAddresses = null;
        double perExecutor = conf.getDouble(EXECUTOR_AMOUNT, 0);
        boolean dynamic = conf.getBoolean("spark.dynamicAllocation.enabled", false);
        int executors = Math.max(1, sc.statusTracker().getExecutorInfos().length - 1);   // the driver is listed too
        this.slots = dynamic ? 0 : clusterSlots(executors, perExecutor, taskAmount);
        if (gpuLearners.isEmpty()) {
            return;
        }
        if (perExecutor <= 0) {
            info.accept("Spark executors without GPUs (" + EXECUTOR_AMOUNT + " unset): trials of " + sorted(gpuLearners)
                    + " run on the CPU");
        } else if (dynamic) {
            info.accept("Spark executors have GPUs, but GPU trials ask for theirs through task resource profiles, which "
                    + "Spark supports with spark.dynamicAllocation.enabled=false only: trials of " + sorted(gpuLearners)
                    + " run on the CPU");
        } else {
            info.accept("Spark GPUs: " + executors + " executor(s) of " + fmt(perExecutor) + " GPU(s), " + fmt(taskAmount)
                    + " per trial: up to " + slots + " trials of " + sorted(gpuLearners) + " at once on a GPU (the others on "
                    + "the CPU), each also taking its CPUs");
        }
    }

    /**
     * Refuses {@value #TASK_AMOUNT} in local mode, where Spark 4.2 schedules no task resources and so never starts a
     * task that asks for a GPU.
     */
    static void refuseTaskGpusInLocalMode(SparkConf conf) {
        String master = conf.get("spark.master", "");
        boolean local = master.equals("local") || master.startsWith("local[");   // as SparkContext.isLocal; not local-cluster
        if (local && conf.getDouble(TASK_AMOUNT, 0) > 0) {
            throw new IllegalArgumentException(TASK_AMOUNT + " is " + conf.get(TASK_AMOUNT) + " on " + master
                    + ", but Spark's local mode offers its tasks no GPUs, so every task (every trial) would wait forever; "
                    + "leave it out in local mode (give the driver GPUs with spark.driver.resource.gpu.amount and "
                    + "spark.driver.resource.gpu.discoveryScript instead) or use a cluster master");
        }
    }

    /** GPU trials at once on {@code executors} executors of {@code perExecutor} GPUs, {@code taskAmount} per trial. */
    static int clusterSlots(int executors, double perExecutor, double taskAmount) {
        return perExecutor <= 0 ? 0 : executors * (int) Math.floor(perExecutor / taskAmount + 1e-9);   // 1e-9: 1 / (1/3)
    }

    private static List<String> driverGpus(SparkContext sc) {
        scala.Option<ResourceInformation> gpus = sc.resources().get(GPU);
        return gpus.isDefined() ? List.of(gpus.get().addresses()) : List.of();
    }

    /** The GPUs the task of a trial given {@code grant} asks Spark for: none unless Spark is to assign its GPU. */
    double askedOfSpark(Grant grant) {
        return grant.device().equals(TASK_GPU) ? taskAmount : 0;
    }

    /** What a trial of {@code learnerId} gets now: a GPU if it can use one and one is free, else the CPU. */
    synchronized Grant take(String learnerId) {
        if (disabled || busy >= slots || !gpuLearners.contains(learnerId)) {
            return Grant.CPU;
        }
        busy++;
        if (freeAddresses == null) {
            return new Grant(TASK_GPU, null);
        }
        String address = freeAddresses.poll();
        return new Grant("cuda:" + address, address);
    }

    /**
     * Frees {@code grant}'s GPU. If the trial completed on the CPU after asking for a GPU, no GPU trial starts again.
     *
     * @param outcome how the trial ended, or null if it did not end with an outcome of its own
     */
    synchronized void release(Grant grant, int trialId, String learnerId, TrialOutcome outcome) {
        if (!grant.gpu()) {
            return;
        }
        busy--;
        if (grant.address() != null) {
            freeAddresses.add(grant.address());
        }
        if (!disabled && outcome instanceof TrialOutcome.Completed c && c.device().equals(FitContext.CPU)) {
            disabled = true;
            String given = grant.address() != null ? grant.device() : "a GPU of its Spark task";
            info.accept("trial " + trialId + " (" + learnerId + ") was given " + given + " but trained on the CPU (for "
                    + "XGBoost: its CUDA build is not on the executors' class path, or the GPU is not usable); the rest of "
                    + "the search asks Spark for no GPU");
        }
    }

    private static List<String> sorted(Set<String> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }

    private static String fmt(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
    }
}
