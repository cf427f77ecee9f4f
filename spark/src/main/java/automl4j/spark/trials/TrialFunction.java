package automl4j.spark.trials;

import automl4j.execute.Failures;
import automl4j.execute.PluginRegistry;
import automl4j.execute.PreparedSplit;
import automl4j.execute.PredictionSink;
import automl4j.execute.TrialEvaluator;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialTask;
import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;

/**
 * The Spark task of one trial, run on an executor: reads the {@link TrialRequest}, rebuilds the learner and metric by
 * id ({@link PluginRegistry}), takes the split set from its broadcast, and fits and scores with {@link TrialEvaluator}
 * exactly as the engine would in-process, on a pool of the trial's threads, on the CPU or the GPU the request names
 * ({@link #device}; a GPU fit that the library moved to the CPU is read back where it can be: {@link ExecutorStderr}).
 * The task returns at the trial's hard deadline even if the fit does not (the fit is abandoned on a daemon thread, as
 * in-process), so its Spark slot is free again; a cancel of its job group interrupts the wait and ends the task.
 *
 * <p>What the learner throws is the trial's outcome ({@code failed}, or {@code out_of_memory}), never a task failure:
 * Spark retrying it would only repeat it. An {@link Error} other than {@link OutOfMemoryError},
 * {@link StackOverflowError} and {@link LinkageError} says the executor's JVM is unwell, so it fails the task like a
 * lost executor does, and the driver retries the trial once elsewhere ({@link ExecutorFault}).
 */
final class TrialFunction implements Function<byte[], byte[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<byte[]> splits;

    /** The function of trials on the split set in {@code splits}. */
    TrialFunction(Broadcast<byte[]> splits) {
        this.splits = splits;
    }

    @Override
    public byte[] call(byte[] bytes) throws InterruptedException {
        long received = System.nanoTime();
        TrialRequest request = TrialRequest.fromBytes(bytes);
        TrialTask task = request.onExecutor(received);
        long soft = task.deadline().soft(received);
        long hard = task.deadline().hard(received);
        float[][] predictions = new float[1][];
        double[] loss = {Double.NaN};
        TrialOutcome outcome;
        try {
            PluginRegistry registry = ExecutorState.plugins();
            Learner learner = registry.learner(task.learnerId());
            TrialEvaluator evaluator = new TrialEvaluator(registry.metric(task.metricId()));
            List<PreparedSplit> data = ExecutorState.splits(splits);
            PredictionSink sink = (id, learnerId, l, p) -> {
                loss[0] = l;
                predictions[0] = p;
            };
            String device = device(request);   // on the task's thread: TaskContext is thread-local
            long mark = device.equals(FitContext.CPU) ? -1 : ExecutorStderr.mark();
            CompletableFuture<TrialOutcome> work = TrialExecutor.of(1, task.threads())
                    .start(() -> evaluator.evaluate(task, learner, data, soft, device, sink), task.threads());
            outcome = await(work, task, request, received, hard);
            if (outcome instanceof TrialOutcome.Completed c && !c.device().equals(FitContext.CPU) && ExecutorStderr.fellBack(mark)) {
                outcome = new TrialOutcome.Completed(c.score(), c.scoreStd(), c.fitSeconds(), c.predictMicrosPerRow(), FitContext.CPU,
                        c.refitSettings(), c.splitScores(), c.rungScores());
            }
        } catch (ExecutorFault e) {
            throw e;
        } catch (RuntimeException e) {
            outcome = Failures.of(task, e, seconds(received));   // an id this executor cannot rebuild, splits it cannot read
        }
        return new TrialReply(outcome, loss[0], outcome instanceof TrialOutcome.Completed ? predictions[0] : null).toBytes();
    }

    /**
     * Where the request's fits train: as the driver said, or for {@link TrialGpus#TASK_GPU} {@code cuda:<address>} of the
     * GPU Spark's scheduler assigned this task ({@link FitContext#CPU} if it assigned none, which the driver then reads
     * as a fit that could not use a GPU).
     */
    static String device(TrialRequest request) {
        if (!request.device().equals(TrialGpus.TASK_GPU)) {
            return request.device();
        }
        TaskContext context = TaskContext.get();
        ResourceInformation gpu = context == null ? null : context.resourcesJMap().get(TrialGpus.GPU);
        return gpu == null || gpu.addresses().length == 0 ? FitContext.CPU : "cuda:" + gpu.addresses()[0];
    }

    /** The outcome of {@code work}, or the overrun at {@code hard}; an interrupt (the job group's cancel) propagates. */
    private static TrialOutcome await(CompletableFuture<TrialOutcome> work, TrialTask task, TrialRequest request, long received,
                                      long hard) throws InterruptedException {
        try {
            return work.get(Math.max(0, hard - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);   // abandoned: its thread finishes as a daemon
            return request.timedOut() ? new TrialOutcome.TimedOut(seconds(received)) : new TrialOutcome.Cancelled();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Error error && !(cause instanceof OutOfMemoryError) && !(cause instanceof StackOverflowError)
                    && !(cause instanceof LinkageError)) {
                throw new ExecutorFault("trial " + task.trialId() + " hit " + error + " on this executor", error);
            }
            return Failures.of(task, cause, seconds(received));
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
