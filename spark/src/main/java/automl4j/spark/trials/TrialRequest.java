package automl4j.spark.trials;

import automl4j.execute.Pruning;
import automl4j.execute.RowRungs;
import automl4j.execute.TrialTask;
import automl4j.space.ConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial as it travels to an executor: the task's plain data as JSON bytes, with its deadlines as time left rather
 * than {@link System#nanoTime()} instants (each JVM has its own clock). The executor's deadlines count from when it
 * reads the request, so the time the task spent on its way is given to the trial, never taken from it.
 *
 * @param task     the trial (its deadline is not sent: the times below replace it)
 * @param softIn   nanoseconds from sending to the soft deadline
 * @param hardIn   nanoseconds from sending to the hard deadline
 * @param timedOut whether a trial stopped at the hard deadline ends {@code timed_out} (its own timeout set the deadline)
 *                 rather than {@code cancelled} (the search's end did)
 * @param device   where the fits train: {@code cpu}, {@code cuda:N}, or {@link TrialGpus#TASK_GPU} for the GPU that Spark
 *                 assigned the task
 */
record TrialRequest(TrialTask task, long softIn, long hardIn, boolean timedOut, String device) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request of {@code task} on {@code device} that started running at {@code startNanos}, sent at {@code nowNanos}. */
    static TrialRequest of(TrialTask task, String device, long startNanos, long nowNanos) {
        TrialTask.Deadline d = task.deadline();
        boolean timedOut = d.overrun(startNanos, 0) instanceof automl4j.execute.TrialOutcome.TimedOut;
        return new TrialRequest(task, d.soft(startNanos) - nowNanos, d.hard(startNanos) - nowNanos, timedOut, device);
    }

    /** The task as the executor runs it, with its deadline fixed at {@code receivedNanos} on the executor's clock. */
    TrialTask onExecutor(long receivedNanos) {
        long soft = receivedNanos + softIn;
        // A deadline whose own timeout never comes first: soft is the search end, hard a grace later.
        TrialTask.Deadline d = new TrialTask.Deadline(soft, Long.MAX_VALUE / 4, Math.max(0, hardIn - softIn));
        return new TrialTask(task.trialId(), task.config(), task.seed(), task.splitSetKey(), task.metricId(), d,
                task.pruning(), task.threads(), task.wantsPredictions(), task.rowRungs());
    }

    byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("trial_id", task.trialId());
        n.put("seed", task.seed());
        ConfigJson.write(n.putObject("config"), task.config());
        n.put("split_set", task.splitSetKey());
        n.put("metric", task.metricId());
        n.put("threads", task.threads());
        n.put("wants_predictions", task.wantsPredictions());
        doubles(n.putArray("pruning"), task.pruning().thresholds());
        ArrayNode rows = n.putArray("rung_rows");
        task.rowRungs().rows().forEach(rows::add);
        doubles(n.putArray("rung_thresholds"), task.rowRungs().thresholds());
        n.put("soft_in_nanos", softIn);
        n.put("hard_in_nanos", hardIn);
        n.put("timed_out", timedOut);
        n.put("device", device);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a tree of plain values always writes
        }
    }

    static TrialRequest fromBytes(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a trial request: " + e.getMessage(), e);
        }
        List<Integer> rungRows = new ArrayList<>();
        n.get("rung_rows").forEach(v -> rungRows.add(v.intValue()));
        RowRungs rungs = rungRows.isEmpty() ? RowRungs.NONE : new RowRungs(rungRows, doubles(n.get("rung_thresholds")));
        // The deadline is a placeholder: onExecutor fixes the real one on the executor's clock.
        TrialTask task = new TrialTask(n.get("trial_id").intValue(), ConfigJson.read(n.get("config")), n.get("seed").longValue(),
                n.get("split_set").textValue(), n.get("metric").textValue(), new TrialTask.Deadline(0, 0, 0),
                new Pruning(doubles(n.get("pruning"))), n.get("threads").intValue(), n.get("wants_predictions").booleanValue(), rungs);
        return new TrialRequest(task, n.get("soft_in_nanos").longValue(), n.get("hard_in_nanos").longValue(),
                n.get("timed_out").booleanValue(), n.get("device").textValue());
    }

    private static void doubles(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }
}
